// A person's grammatical gender as names, honorifics and pronouns tell it; null (where used) is "cannot tell".
export type Gender = 'male' | 'female';
