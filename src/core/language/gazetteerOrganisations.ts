// General-knowledge organisation gazetteers for the entity tagger: legal-form suffixes of company names,
// head words of institutions, and international bodies every news desk knows. Written by hand from general
// knowledge (not taken from any corpus); multi-word names joined by `_`. Features, not rules.

function entries(list: string): string[] {
  return list.split(/\s+/).filter(Boolean).map((entry) => entry.replace(/_/g, ' '));
}

/** Legal forms that end company names ("Acme Corp", "Siemens AG", "Nestle SA"). */
export const GAZETTEER_COMPANY_SUFFIXES: readonly string[] = entries(`
Inc Inc. Incorporated Corp Corp. Corporation Co Co. Company Cos Ltd Ltd. Limited Plc PLC plc LLC L.L.C. LLP LP L.P. AG A.G. SA S.A.
NV N.V. BV B.V. GmbH KG SpA S.p.A. SpA Srl SE AB ASA AS A/S Oy Oyj KK K.K. Bhd Berhad Tbk Pty Pte NL SARL SAS Cia Cie
Group Holdings Holding Industries Enterprises International Intl Associates Partners Brothers Bros Trust Bancorp Bankshares
Airlines Airways Motors Petroleum Resources Mining Telecom Telecommunications Pharmaceuticals Systems Technologies Electronics
`);

/** Head words of institutions and bodies, beyond organisations.ts (which marks words that end a person name). */
export const GAZETTEER_ORGANISATION_HEADS: readonly string[] = entries(`
Ministry Department Agency Bureau Commission Committee Council Assembly Parliament Congress Senate Court Tribunal Board Authority
Office Directorate Secretariat Federation Confederation Union Association Alliance League Organisation Organization Society
Institute Foundation Fund Bank Exchange University College School Academy Hospital Club Party Front Movement Army Navy
Force Police Service Church Council Cabinet Government Administration Reserve Treasury Corporation Consortium Cartel Syndicate
Network Broadcasting Agency News Press Times Journal Post Herald Tribune Gazette
`);

/** International organisations, blocs and agencies, with their usual acronyms. */
export const GAZETTEER_INTERNATIONAL_BODIES: readonly string[] = entries(`
United_Nations UN U.N. Security_Council General_Assembly UNESCO UNICEF UNHCR UNCTAD UNDP UNEP WHO World_Health_Organisation
World_Health_Organization FAO ILO IAEA International_Atomic_Energy_Agency World_Bank IMF International_Monetary_Fund WTO
World_Trade_Organisation World_Trade_Organization GATT OECD OPEC NATO North_Atlantic_Treaty_Organisation EU European_Union
European_Commission European_Parliament Council_of_Europe European_Central_Bank ECB EEC European_Community OSCE
Organisation_for_Security_and_Cooperation_in_Europe ASEAN APEC African_Union AU OAU Organisation_of_African_Unity
Arab_League Gulf_Cooperation_Council GCC Commonwealth CIS Mercosur NAFTA SADC ECOWAS Interpol Europol Red_Cross
International_Red_Cross Red_Crescent Amnesty_International Human_Rights_Watch Greenpeace Medecins_Sans_Frontieres
International_Court_of_Justice International_Criminal_Court ICC IOC International_Olympic_Committee FIFA UEFA ICC IAAF
Federal_Reserve Fed Bundesbank Bank_of_England Bank_of_Japan Pentagon Kremlin White_House State_Department CIA FBI NASA
Congress Senate House_of_Representatives House_of_Commons House_of_Lords Knesset Duma Bundestag Reichstag Sejm Storting
`);
