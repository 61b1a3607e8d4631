// Common given names across languages, with gender, for recognising "Firstname Surname" and for
// pronoun agreement. A general lexicon written by hand: not derived from any evaluation data.
import type { Gender } from './gender';

const MALE = `
Aaron Abdel Abdul Abdullah Abdulla Abdallah Abdelaziz Abdou Abe Abel Abraham Abu Adam Adama Adan Adel Adil Adnan Adolf Adolfo
Adrian Adriano Adrien Agustin Ahmad Ahmed Ahmet Aidan Ajay Akbar Akhtar Akira Akram Alain Alan Alastair Albert Alberto Albin Aldo
Alejandro Aleksandar Aleksander Aleksandr Aleksei Alessandro Alessio Alex Alexander Alexandre Alexandros Alexei Alexey Alexis Alfie Alfonso Alfred Alfredo
Ali Alistair Allan Allen Alois Alonso Alvaro Amadou Amin Amir Amit Anand Anatoly Anders Andre Andrea Andreas Andrei Andres Andrew Andrey Andriy Andrzej Andy
Angel Angelo Anil Ansgar Anthony Antoine Anton Antonio Antonin Antony Anwar Aram Archie Ariel Arjun Arkadiusz Arman Armando Arnaud Arne Arnold Arnoldo Arsene Arthur Arturo
Arvid Asad Ashley Ashok Ashraf Atif Augusto Aurelio Avi Ayman Ayrton Aziz Barack Barry Bart Bartolomeo Basil Bashar Bastian Ben Benedict Benito Benjamin Benny
Bernard Bernardo Bernd Bernhard Bert Bertrand Bill Billy Bjorn Björn Blaise Bob Bobby Bogdan Boris Borislav Bostjan Boyd Brad Bradley Brandon Branko Brendan Brett Brian Bruce Bruno Bryan Bryce
Burak Byron Calvin Cameron Carl Carles Carlo Carlos Carsten Cedric Cesar Cesare Chad Charles Charlie Chris Christian Christophe Christopher Christoph Chuck Claude Claudio Clemens Clement Cliff Clifford Clint Clive
Colin Conor Connor Constantin Cornelius Craig Cristian Cristiano Curtis Cyril Cyrus Dai Dale Damian Damien Dan Daniel Daniele Danilo Danny Dario Darius Darko Darren Dave David Davide Davor Dean Declan
Deepak Denis Dennis Denny Derek Desmond Devon Diego Dieter Dimitri Dimitris Dimitar Dinesh Dirk Dmitri Dmitriy Dmitry Dominic Dominik Dominique Don Donald Donovan Doug Douglas Dragan Duncan Dusan Dwight Dylan
Ed Eddie Eddy Edgar Edoardo Eduard Eduardo Edward Edwin Egon Ehud Eitan Elias Elijah Elliot Elliott Elmar Elon Emil Emile Emilio Emmanuel Emmerson Enrico Enrique Enzo Erhard Eric Erich Erik Ernest Ernesto Ernst Erwin Esteban Ethan Eugene Eugen Evan Evgeny Ewan Ezra
Fabian Fabio Fabrice Fabrizio Faisal Farid Farouk Faruk Fatih Fausto Fayez Federico Felipe Felix Ferdinand Fernando Filip Filippo Finn Florian Francesco Francis Francisco Franco Francois François Frank Franz Fred Freddie Freddy Frederic Frederick Fredrik Friedrich Fritz
Gabriel Gaetano Gareth Garry Gary Gavin Geert Gennady Geoff Geoffrey George Georg Georges Georgi Georgios Gerald Gerard Gerardo Gerd Gerhard Gerry Gert Giacomo Gian Giancarlo Gianfranco Gianluca Gianni Gil Gilbert Gilles Gino Giorgio Giovanni Giulio Giuseppe Glen Glenn Goran Gordon Graeme Graham Grant Greg Gregor Gregory Grigory Guido Guillaume Guillermo Gunnar Gunter Günter Gustav Gustavo Guy
Habib Hakan Hamad Hamid Hamza Hank Hans Harald Hari Harold Harri Harrison Harry Harvey Hasan Hassan Heiko Heinrich Heinz Helmut Henri Henrik Henry Herbert Herman Hermann Hernan Hiroshi Hosni Howard Hubert Hugh Hugo Hussein Ian Ibrahim Igor Ilya Imran Ion Ioannis Isaac Ismail Ivan Ivo Ivica
Jack Jacek Jackson Jacob Jacques Jaime Jake Jakob Jakub James Jamie Jan Janez Janusz Jared Jaroslav Jason Javier Jay Jean Jeff Jeffrey Jens Jeremy Jerome Jerry Jerzy Jesper Jesse Jesus Jim Jimmy Joachim Joao João Joaquim Joaquin Joe Joel Joey Johan Johann Johannes John Johnny Jon Jonas Jonathan Jordi Jorge Jorg Jörg Jose José Josef Joseph Josh Joshua Josip Juan Jules Julian Julien Julio Jurgen Jürgen Justin Jyrki
Kai Kamal Karel Karim Karl Karsten Kasper Keir Keith Kelvin Ken Kenji Kenneth Kenny Kevin Khaled Khalid Khalifa Kieran Kim Kirill Klaus Knut Koen Kofi Konstantin Konstantinos Kostas Krzysztof Kumar Kurt Kwame
Lamine Lars Laurent Lawrence Lee Leigh Len Lennart Leo Leon Leonard Leonardo Leonid Leopold Leroy Lewis Liam Lionel Lorenzo Lothar Louis Luc Luca Lucas Luciano Ludovic Ludwig Luigi Luis Luka Lukas Luke Lyndon
Magnus Mahmoud Mahmud Malcolm Mamadou Manfred Manuel Marat Marc Marcel Marcelo Marcin Marco Marcos Marcus Marek Mario Marius Mark Marko Martin Marvin Massimo Mathias Matt Matteo Matthew Matthias Mattia Maurice Mauricio Maurizio Max Maxim Maximilian Mehdi Mehmet Mel Michael Michal Michel Michele Miguel Mika Mikael Mike Mikhail Miklos Milan Miles Milos Mircea Miroslav Mitch Mitchell Mohamed Mohammad Mohammed Mohamad Moises Morgan Moshe Muammar Muhammad Mustafa
Nabil Naim Naoto Narendra Nasser Nathan Nawaz Neil Nelson Nestor Niall Nicholas Nick Nicky Nicola Nicolae Nicolas Nicolai Niels Nigel Nikita Nikola Nikolai Nikolaos Nikolay Nils Noel Norbert Norman Nuno Oleg Oleksandr Oliver Olivier Omar Oscar Osman Oswaldo Otto Owen
Pablo Paddy Paolo Pascal Pat Patrice Patricio Patrick Paul Paulo Pavel Pawel Pedro Pekka Percy Pete Peter Petr Petro Petros Phil Philip Philippe Phillip Pierre Pierluigi Piet Pieter Piotr Pradeep Pranab Rafael Rafal Rahul Raj Rajesh Ralf Ralph Ramon Ramzan Randy Raoul Raphael Rashid Raul Ray Raymond Recep Reg Reginald Reinhard Rene René Reuben Rex Ricardo Riccardo Richard Rick Rico Rinat Rob Robbie Robert Roberto Robin Rodney Rodrigo Roger Roland Rolf Roman Romano Ron Ronald Ronaldo Ronnie Rory Ross Roy Ruben Rudi Rudolf Rudy Rupert Russell Ryan
Saad Sadiq Saleh Salman Salvatore Sam Sameer Sami Samir Samuel Sandeep Sandro Sanjay Santiago Saud Scott Seamus Sean Sebastian Sebastien Sergei Sergey Sergio Serge Sergiy Seth Shane Shaun Shawn Sheldon Shimon Shinzo Shlomo Sidney Sigmar Silvio Simon Slobodan Sonny Spencer Stan Stanislav Stanley Stefan Stefano Steffen Stephan Stephane Stephen Steve Steven Stewart Stuart Sven Syed
Tadeusz Takashi Tariq Ted Terence Terry Thabo Theo Theodore Thierry Thomas Tiago Tim Timothy Tobias Toby Todd Tom Tomas Tomasz Tommy Tony Torsten Travis Trevor Tristan Troy Tyler Ugo Ulrich Umar Umberto Uwe Vaclav Valentin Valery Vasily Vaughan Vernon Victor Viktor Vijay Vikram Vincent Vincenzo Vinod Vitaly Vittorio Vladimir Vladislav Vojislav Volker Volodymyr Vyacheslav
Wade Walid Walter Warren Wayne Werner Wesley Wilfried Willem William Willie Willy Wim Winston Wojciech Wolfgang Xavier Yaakov Yahya Yasser Yasuo Yevgeny Yitzhak Yoshihiko Yossi Youssef Yuri Yusuf Yves Zachary Zbigniew Zdenek Zeljko Zoltan Zoran
`;

const FEMALE = `
Abigail Ada Adele Adriana Agata Agnes Agnieszka Aida Aileen Aisha Alessandra Alexandra Alexia Alice Alicia Alina Alison Allison Alma Amanda Amber Amelia Amelie Amy Ana Anastasia Andrea Angela Angelika Angelina Angelique Anita Anja Ann Anna Annalena Anne Annette Annie Antonella Antonia Arantxa Ariana Astrid Aung Aurelie Ayesha
Barbara Beata Beatrice Beatriz Belinda Benazir Bernadette Beth Bettina Betty Beverley Bianca Birgit Bonnie Brenda Bridget Brigitte Britney Caitlin Camilla Carla Carmen Carol Carole Caroline Carolyn Cassandra Catherine Cathy Cecilia Celine Charlotte Chelsea Cheryl Chloe Christa Christiane Christina Christine Cindy Claire Clara Clare Claudia Colette Conchita Connie Cora Cristina Cynthia
Dagmar Daisy Dana Daniela Danielle Daphne Daria Deborah Debbie Delia Denise Diana Diane Dilma Dolores Dominika Donna Doris Dorothy Edith Ekaterina Elaine Elena Eleanor Eleni Elif Elina Elisa Elisabeth Elisabetta Eliza Elizabeth Ella Ellen Elsa Elzbieta Emilia Emily Emma Erika Erin Esther Eva Eve Evelyn Ewa
Fatima Felicity Fernanda Fiona Florence Francesca Francoise Françoise Frederique Gabriela Gabriele Gabriella Gabrielle Gail Gemma Georgina Geraldine Gertrude Gillian Gina Giorgia Giovanna Gisela Giulia Gloria Grace Greta Gwen Gwyneth
Hanna Hannah Harriet Hayley Heather Heidi Helen Helena Helene Helga Hillary Hilary Hina Hyun Ilona Ines Ingrid Irene Irina Iris Isabel Isabella Isabelle Iveta Ivana Jacqueline Jacinda Jade Jana Jane Janet Janice Jasmine Jayne Jean Jeanne Jennifer Jenny Jessica Jill Joan Joanna Joanne Jocelyn Johanna Josephine Joyce Judith Judy Julia Julie Juliet Justine
Kamala Karen Karin Karina Kate Katarina Katarzyna Katherine Kathleen Kathryn Kathy Katie Katja Katrin Katrina Kay Kayla Kelly Kemi Kerry Kirsty Klara Kristin Kristina Laura Lauren Layla Leah Leila Lena Leslie Liliana Lily Linda Lindsay Lindsey Lisa Liz Liza Lorena Lorraine Louise Lucia Lucy Ludmila Luisa Lydia Lynn Lynne
Madeleine Madeline Magdalena Maggie Maija Malala Manuela Margaret Margarita Margot Margrethe Maria Mariana Marianne Marie Marina Marine Marion Marisa Marta Martha Martina Mary Maryam Matilda Maureen Maxine Megan Melania Melanie Melinda Melissa Meryl Mia Michaela Michelle Mila Mira Miriam Miroslava Molly Monica Monika
Nadia Nadine Nancy Naomi Natalia Natalie Natascha Natasha Nathalie Nicola Nicole Nikki Nina Noor Nora Olena Olga Olivia Pamela Patricia Paula Paulina Pauline Penelope Penny Petra Philippa Pia Priti Priyanka Rachel Rachida Rebecca Regina Renata Renate Rita Roberta Rosa Rosalind Rose Rosemary Roxana Ruth
Sabine Sabrina Sally Samantha Sandra Sanna Sara Sarah Segolene Ségolène Serena Shannon Sharon Sheila Shirley Sigrid Silvia Simona Simone Sinead Sofia Sonia Sonja Sophia Sophie Stefanie Steffi Stella Stephanie Susan Susanne Suzanne Svetlana Sylvia Sylvie
Tamara Tanya Tatiana Tatyana Teresa Tessa Theresa Tina Tracey Tracy Tulsi Ulla Ulrike Ursula Valentina Valerie Vanessa Vera Veronica Veronika Victoria Viktoria Violeta Virginia Viviane Wendy Yasmin Yulia Yvette Yvonne Zara Zoe Zuzana
`;

/** Names used for both sexes often enough that gender cannot be read from them. */
const UNISEX = 'Andrea Jean Kim Nicola Lee Leslie Robin Sam Alex Ashley Kelly Morgan Jordan Dana Gabriele Michele Sasha Kerry Hyun Aung Leigh'.split(' ');

function words(list: string): string[] {
  return list.split(/\s+/).filter(Boolean);
}

const unisex = new Set(UNISEX);

/** Given name -> gender (null when used for both). Keys as written (capitalised). */
export const FIRST_NAMES: ReadonlyMap<string, Gender | null> = (() => {
  const names = new Map<string, Gender | null>();
  for (const name of words(MALE)) names.set(name, unisex.has(name) ? null : 'male');
  for (const name of words(FEMALE)) names.set(name, unisex.has(name) || names.has(name) ? null : 'female');
  for (const name of unisex) names.set(name, null);
  return names;
})();

/** Looks a given name up case-insensitively in its capitalised form ("JOHN" and "john" find "John"). */
export function firstNameGender(token: string): Gender | null | undefined {
  const direct = FIRST_NAMES.get(token);
  if (direct !== undefined) return direct;
  if (token.length < 2) return undefined;
  // Memoised: the re-cased lookup builds a string, and the same words come back for every article.
  const known = recasedGender.get(token);
  if (known !== undefined) return known === NOT_A_NAME ? undefined : known;
  const gender = FIRST_NAMES.get(token[0].toUpperCase() + token.slice(1).toLowerCase());
  if (recasedGender.size > 50_000) recasedGender.clear();
  // A copy as the key: a word cut from an article would keep the article alive.
  recasedGender.set((' ' + token).slice(1), gender === undefined ? NOT_A_NAME : gender);
  return gender;
}

const NOT_A_NAME = 'none';
const recasedGender = new Map<string, Gender | null | typeof NOT_A_NAME>();

export function isFirstName(token: string): boolean {
  return firstNameGender(token) !== undefined;
}
