// News organisations as metadata inference reads them: words that make a name an outlet, and the wire
// agencies whose name on a story credits where it came from, never who published the page.

/** Words that make a name an outlet rather than a person. */
export const MEDIA_WORDS =
  /\b(?:News|Times|Post|Telegraph|Guardian|Independent|Herald|Journal|Mail|Express|Gazette|Tribune|Chronicle|Press|Observer|Mirror|Standard|Scotsman|Courier|Echo|Reuters|Bloomberg|Agency|Magazine|Review|Weekly|Daily|Online|Radio|TV|Television|Broadcasting|Wire|Bulletin|Record|Sun|Star|Economist|Spectator|Politico|Mercury|Argus|Advertiser|Sentinel|Dispatch|Inquirer|Examiner|Monitor|Register|Globe|Tablet)\b/;

/** Wire and news agencies, whole name. */
export const NEWS_AGENCY =
  /^(?:The\s+)?(?:Associated Press|AP|Reuters|Thomson Reuters|Agence France[- ]Presse|AFP|Canadian Press|CP|Press Association|PA(?: Media)?|Australian Associated Press|AAP|United Press International|UPI|Bloomberg(?: News)?|dpa|Deutsche Presse-Agentur|EFE|ANSA|Kyodo(?: News)?|Xinhua|TASS|Interfax|Press Trust of India|PTI|Yonhap|Anadolu(?: Agency)?|Bernama|Europa Press|ANP|Belga|Ritzau|NTB|TT|Lusa)$/;
