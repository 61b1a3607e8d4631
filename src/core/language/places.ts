// Countries, nationalities, regions, big cities and place head-words: capitalised words that are not people.

const COUNTRIES = `
Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan Bahamas Bahrain Bangladesh Barbados
Belarus Belgium Belize Benin Bhutan Bolivia Bosnia Herzegovina Botswana Brazil Brunei Bulgaria Burkina Faso Burundi Cambodia Cameroon
Canada Chad Chile China Colombia Comoros Congo Croatia Cuba Cyprus Czechia Czechoslovakia Denmark Djibouti Dominica Ecuador Egypt Eritrea Estonia
Eswatini Ethiopia Fiji Finland France Gabon Gambia Georgia Germany Ghana Greece Grenada Guatemala Guinea Guyana Haiti Honduras Hungary
Iceland India Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Kiribati Korea Kosovo Kuwait Kyrgyzstan Laos
Latvia Lebanon Lesotho Liberia Libya Liechtenstein Lithuania Luxembourg Macedonia Madagascar Malawi Malaysia Maldives Mali Malta Mauritania
Mauritius Mexico Micronesia Moldova Monaco Mongolia Montenegro Morocco Mozambique Myanmar Burma Namibia Nauru Nepal Netherlands Holland Nicaragua
Niger Nigeria Norway Oman Pakistan Palau Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Samoa
Senegal Serbia Seychelles Singapore Slovakia Slovenia Somalia Spain Sudan Suriname Swaziland Sweden Switzerland Syria Taiwan Tajikistan
Tanzania Thailand Togo Tonga Trinidad Tobago Tunisia Turkey Turkmenistan Tuvalu Uganda Ukraine Uruguay Uzbekistan Vanuatu Vatican Venezuela
Vietnam Yemen Yugoslavia Zaire Zambia Zimbabwe Britain England Scotland Wales America Europe Asia Africa Antarctica Oceania Arabia
Crimea Chechnya Kashmir Tibet Kurdistan Catalonia Flanders Wallonia Bavaria Siberia Gaza Sinai Balkans Baltics Caucasus Scandinavia
Ulster Cornwall Yorkshire Lancashire Kent Essex Surrey Sussex Devon Orkney Shetland Hebrides Texas California Florida Alaska Hawaii Ohio
Quebec Ontario Alberta Manitoba Tasmania Queensland Bengal Punjab Sindh Kerala Gujarat Hokkaido Okinawa Sicily Sardinia Corsica Crete
Andalusia Lombardy Tuscany Normandy Brittany Provence Alsace Saxony Silesia Galicia Donbas Donbass Luhansk Donetsk Kherson Zaporizhzhia
Sri Lanka Puerto Rico Costa Rica Salvador Ivory Sierra Leone Bissau Lucia Kitts Nevis Verde Marino Emirates Zealand Guinea
Idlib Aleppo Raqqa Mosul Fallujah Basra Kandahar Helmand Kabul Herat Benghazi Tripoli Misrata Tobruk Sirte
`;

const CITIES = `
London Paris Berlin Madrid Rome Moscow Washington Beijing Tokyo Brussels Vienna Prague Warsaw Budapest Bucharest Sofia Athens Lisbon
Dublin Edinburgh Glasgow Cardiff Belfast Manchester Liverpool Birmingham Leeds Sheffield Bristol Newcastle Nottingham Leicester
Southampton Oxford Cambridge Aberdeen Dundee Inverness Brighton Norwich York Bath Hull Plymouth Coventry Derby Stoke Swansea
Amsterdam Rotterdam Antwerp Geneva Zurich Basel Bern Lausanne Munich Hamburg Frankfurt Cologne Stuttgart Dresden Leipzig Bonn Dusseldorf
Milan Turin Naples Venice Florence Bologna Genoa Palermo Barcelona Valencia Seville Bilbao Porto Marseille Lyon Toulouse Nice Bordeaux
Lille Strasbourg Nantes Monaco Luxembourg Copenhagen Stockholm Oslo Helsinki Reykjavik Tallinn Riga Vilnius Minsk Kiev Kyiv Odessa Odesa
Kharkiv Lviv Istanbul Ankara Tehran Baghdad Damascus Beirut Amman Jerusalem Riyadh Jeddah Mecca Medina Doha Dubai Cairo Alexandria
Tunis Algiers Rabat Casablanca Khartoum Nairobi Lagos Abuja Accra Dakar Johannesburg Pretoria Durban Harare Kinshasa Addis Ababa Mogadishu
Delhi Mumbai Bombay Calcutta Kolkata Chennai Madras Bangalore Hyderabad Karachi Lahore Islamabad Dhaka Colombo Kathmandu Bangkok Hanoi
Saigon Manila Jakarta Seoul Pyongyang Shanghai Hong Kong Taipei Singapore Sydney Melbourne Brisbane Perth Adelaide Auckland Wellington
Toronto Montreal Vancouver Ottawa Chicago Boston Houston Dallas Detroit Atlanta Miami Seattle Denver Phoenix Philadelphia Baltimore
Pittsburgh Cleveland Minneapolis Vegas Angeles Francisco Diego Orleans Havana Mexico Bogota Lima Santiago Caracas Quito Brasilia
Rio Janeiro Sao Paulo Buenos Aires Montevideo Sochi Minsk Tbilisi Yerevan Baku Tashkent Almaty Astana Kazan Novosibirsk Vladivostok
Petersburg Kremlin Westminster Whitehall Brooklyn Manhattan Bronx Queens Harlem Hollywood Wimbledon Twickenham Wembley Anfield
Hiroshima Nagasaki Osaka Kyoto Chernobyl Srebrenica Sarajevo Belgrade Zagreb Ljubljana Skopje Tirana Pristina Bratislava Chisinau
Gdansk Krakow Nicosia Valletta Ramallah Hebron Tel Aviv Haifa Kandahar Quetta Peshawar Rawalpindi Goma Benghazi Tunis Davos Salisbury
`;

const NATIONALITIES = `
Afghan Albanian Algerian American Andorran Angolan Argentine Argentinian Armenian Australian Austrian Azerbaijani Azeri Bahraini Bangladeshi
Belarusian Belgian Bolivian Bosnian Brazilian British Briton Britons Bulgarian Burmese Cambodian Cameroonian Canadian Chilean Chinese Colombian
Congolese Croatian Croat Cuban Cypriot Czech Danish Dane Dutch Ecuadorian Egyptian Emirati English Eritrean Estonian Ethiopian European Europeans Filipino
Finnish Finn French Georgian German Ghanaian Greek Guatemalan Haitian Honduran Hungarian Icelandic Indian Indonesian Iranian Iraqi Irish
Israeli Italian Ivorian Jamaican Japanese Jordanian Kazakh Kenyan Korean Kosovan Kurdish Kurd Kuwaiti Kyrgyz Lao Latvian Lebanese Liberian Libyan
Lithuanian Luxembourgish Macedonian Malagasy Malaysian Maltese Mexican Moldovan Mongolian Montenegrin Moroccan Mozambican Namibian Nepalese
Nigerian Nigerien Norwegian Omani Pakistani Palestinian Panamanian Paraguayan Persian Peruvian Polish Pole Portuguese Qatari Romanian Russian
Rwandan Saudi Scottish Scot Scots Senegalese Serbian Serb Slovak Slovenian Slovene Somali Spanish Spaniard Sudanese Swedish Swede Swiss Syrian
Taiwanese Tajik Tanzanian Thai Tunisian Turkish Turk Turkmen Ugandan Ukrainian Uruguayan Uzbek Venezuelan Vietnamese Welsh Yemeni Zambian
Zimbabwean Arab Arabs Arabic Asian Asians African Africans Western Eastern Northern Southern Latin Nordic Baltic Balkan Slavic Caucasian
Sunni Shia Shiite Alawite Christian Christians Muslim Muslims Jewish Jews Jew Islamic Islamist Islamists Catholic Catholics Protestant
Orthodox Hindu Sikh Buddhist Yazidi Druze Pashtun Tamil Sinhalese Hutu Tutsi Uighur Uyghur Americans Russians Ukrainians Germans Britons
Soviet Yankee Anglo Celtic Gaelic Hispanic Muscovite Muscovian Londoner Parisian Ottoman Byzantine Roman Greek Persian Mediterranean Atlantic Pacific
`;

/** Words that end or head place names ("Downing Street", "Lancaster House", "Bagram Airfield"). Lower-cased. */
const PLACE_WORDS = `
street road avenue lane square place boulevard way drive crescent terrace park gardens garden bridge river sea ocean gulf bay strait
channel lake mountain mountains mount mt hill hills valley island islands isle peninsula coast desert forest airport airfield airbase
base station port harbour harbor palace castle house hall tower towers abbey cathedral church chapel mosque temple synagogue centre center
stadium arena ground field oval circuit course club hotel hospital prison camp barracks museum gallery theatre theater library zoo
north south east west northern southern eastern western central upper lower greater new old st saint san santa fort cape point
province state county district region republic kingdom emirates federation territory territories city town village borough heights
`;

function words(list: string): string[] {
  return list.split(/\s+/).filter(Boolean);
}

export const COUNTRY_WORDS: ReadonlySet<string> = new Set(words(COUNTRIES));
export const CITY_WORDS: ReadonlySet<string> = new Set(words(CITIES));
export const NATIONALITY_WORDS: ReadonlySet<string> = new Set(words(NATIONALITIES));
export const PLACE_HEAD_WORDS: ReadonlySet<string> = new Set(words(PLACE_WORDS));

/** "Kurds", "Azeris": the plural of a nationality word names a people, not a person. */
export function isNationalityPlural(word: string): boolean {
  return word.length > 3 && word.charCodeAt(word.length - 1) === 0x73 && NATIONALITY_WORDS.has(word.slice(0, -1));
}
