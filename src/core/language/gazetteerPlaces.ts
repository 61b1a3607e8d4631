// General-knowledge place gazetteers for the entity tagger: countries, their capitals and large cities,
// states and provinces, continents and regions, seas, rivers and mountain ranges. Written by hand from
// general knowledge (not taken from any corpus); one entry a line group, multi-word names joined by `_`.
// They are features, not rules: the tagger learns how far to trust each list.

function entries(list: string): string[] {
  return list.split(/\s+/).filter(Boolean).map((entry) => entry.replace(/_/g, ' '));
}

/** Sovereign states and common short forms. */
export const GAZETTEER_COUNTRIES: readonly string[] = entries(`
Afghanistan Albania Algeria Andorra Angola Antigua_and_Barbuda Argentina Armenia Australia Austria Azerbaijan Bahamas Bahrain
Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia Bosnia_and_Herzegovina Botswana Brazil Brunei Bulgaria
Burkina_Faso Burundi Cambodia Cameroon Canada Cape_Verde Central_African_Republic Chad Chile China Colombia Comoros Congo
Democratic_Republic_of_Congo Costa_Rica Ivory_Coast Cote_d'Ivoire Croatia Cuba Cyprus Czech_Republic Czechia Denmark Djibouti Dominica
Dominican_Republic East_Timor Ecuador Egypt El_Salvador Equatorial_Guinea Eritrea Estonia Eswatini Ethiopia Fiji Finland France
Gabon Gambia Georgia Germany Ghana Greece Grenada Guatemala Guinea Guinea-Bissau Guyana Haiti Honduras Hungary Iceland India
Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Kiribati North_Korea South_Korea Korea Kosovo Kuwait
Kyrgyzstan Kirghizia Laos Latvia Lebanon Lesotho Liberia Libya Liechtenstein Lithuania Luxembourg Macedonia North_Macedonia Madagascar
Malawi Malaysia Maldives Mali Malta Marshall_Islands Mauritania Mauritius Mexico Micronesia Moldova Monaco Mongolia Montenegro
Morocco Mozambique Myanmar Burma Namibia Nauru Nepal Netherlands Holland New_Zealand Nicaragua Niger Nigeria Norway Oman Pakistan
Palau Palestine Panama Papua_New_Guinea Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Saint_Kitts_and_Nevis
Saint_Lucia Saint_Vincent Samoa San_Marino Sao_Tome Saudi_Arabia Senegal Serbia Seychelles Sierra_Leone Singapore Slovakia
Slovenia Solomon_Islands Somalia South_Africa South_Sudan Spain Sri_Lanka Sudan Suriname Swaziland Sweden Switzerland Syria
Taiwan Tajikistan Tanzania Thailand Togo Tonga Trinidad Trinidad_and_Tobago Tunisia Turkey Turkmenistan Tuvalu Uganda Ukraine
United_Arab_Emirates UAE United_Kingdom UK Britain Great_Britain United_States USA U.S. US America Uruguay Uzbekistan Vanuatu
Vatican Venezuela Vietnam Yemen Zambia Zimbabwe England Scotland Wales Northern_Ireland Soviet_Union USSR Yugoslavia
Czechoslovakia Zaire Rhodesia East_Germany West_Germany Tibet Greenland Puerto_Rico Hong_Kong Macau Macao Gibraltar Bermuda
Faroe_Islands Western_Sahara Palestinian_Territories West_Bank Gaza Gaza_Strip Golan_Heights Kashmir Chechnya Abkhazia
South_Ossetia Transdniestria Kurdistan Crimea Corsica Sardinia Sicily Catalonia Basque_Country Flanders Wallonia
`);

/** Capitals and large or well-known cities. */
export const GAZETTEER_CITIES: readonly string[] = entries(`
Kabul Tirana Algiers Luanda Buenos_Aires Yerevan Canberra Vienna Baku Nassau Manama Dhaka Bridgetown Minsk Brussels Belmopan
Porto-Novo Thimphu La_Paz Sucre Sarajevo Gaborone Brasilia Bandar_Seri_Begawan Sofia Ouagadougou Bujumbura Phnom_Penh Yaounde
Ottawa Praia Bangui N'Djamena Santiago Beijing Peking Bogota Moroni Brazzaville Kinshasa San_Jose Abidjan Yamoussoukro Zagreb
Havana Nicosia Prague Copenhagen Roseau Santo_Domingo Dili Quito Cairo San_Salvador Malabo Asmara Tallinn Mbabane Addis_Ababa
Suva Helsinki Paris Libreville Banjul Tbilisi Berlin Bonn Accra Athens Guatemala_City Conakry Bissau Georgetown Port-au-Prince
Tegucigalpa Budapest Reykjavik New_Delhi Delhi Jakarta Tehran Baghdad Dublin Jerusalem Tel_Aviv Rome Kingston Tokyo Amman Astana
Almaty Nairobi Pristina Kuwait_City Bishkek Vientiane Riga Beirut Maseru Monrovia Tripoli Vaduz Vilnius Luxembourg Skopje
Antananarivo Lilongwe Kuala_Lumpur Male Bamako Valletta Nouakchott Port_Louis Mexico_City Chisinau Ulan_Bator Ulaanbaatar
Podgorica Rabat Maputo Rangoon Yangon Naypyidaw Windhoek Kathmandu Amsterdam The_Hague Wellington Managua Niamey Abuja Lagos
Pyongyang Oslo Muscat Islamabad Panama_City Port_Moresby Asuncion Lima Manila Warsaw Lisbon Doha Bucharest Moscow Kigali
Riyadh Dakar Belgrade Victoria Freetown Singapore Bratislava Ljubljana Mogadishu Pretoria Cape_Town Johannesburg Juba Seoul
Madrid Colombo Khartoum Paramaribo Stockholm Bern Berne Damascus Taipei Dushanbe Dar_es_Salaam Dodoma Bangkok Lome Nuku'alofa
Port_of_Spain Tunis Ankara Ashgabat Kampala Kiev Kyiv Abu_Dhabi Dubai London Washington Montevideo Tashkent Caracas Hanoi Sanaa
Aden Lusaka Harare Salisbury Belfast Cardiff Edinburgh Glasgow Manchester Liverpool Birmingham Leeds Sheffield Bristol Newcastle
Nottingham Leicester Southampton Portsmouth Oxford Cambridge Aberdeen Dundee Coventry Bradford Brighton Norwich Plymouth Hull
New_York New_York_City Los_Angeles Chicago Houston Philadelphia Phoenix San_Antonio San_Diego Dallas San_Francisco Seattle
Boston Detroit Atlanta Miami Denver Minneapolis St_Louis Baltimore Pittsburgh Cleveland Cincinnati Milwaukee Kansas_City
New_Orleans Las_Vegas Salt_Lake_City Portland Sacramento Indianapolis Columbus Nashville Memphis Charlotte Orlando Tampa
Toronto Montreal Vancouver Calgary Edmonton Winnipeg Quebec_City Sydney Melbourne Brisbane Perth Adelaide Auckland Christchurch
Shanghai Guangzhou Canton Shenzhen Tianjin Chongqing Wuhan Chengdu Nanjing Xian Harbin Hong_Kong Osaka Kyoto Yokohama Nagoya Kobe
Hiroshima Nagasaki Sapporo Fukuoka Busan Pusan Incheon Ho_Chi_Minh_City Saigon Mumbai Bombay Kolkata Calcutta Chennai Madras
Bangalore Hyderabad Ahmedabad Karachi Lahore Rawalpindi Peshawar Chittagong Surabaya Bandung Cebu Davao Mandalay Chiang_Mai
Istanbul Izmir Antalya Jeddah Mecca Medina Basra Mosul Aleppo Homs Alexandria Casablanca Marrakesh Fez Benghazi Oran Kano Ibadan
Mombasa Kisumu Durban Port_Elizabeth Soweto Lubumbashi Goma Kigoma Zanzibar Bulawayo Maputo Luanda
Sao_Paulo Rio_de_Janeiro Rio Belo_Horizonte Porto_Alegre Recife Salvador Cordoba Rosario Medellin Cali Guayaquil Valparaiso
Guadalajara Monterrey Tijuana Acapulco Cancun Santiago_de_Cuba
St_Petersburg Saint_Petersburg Leningrad Novosibirsk Yekaterinburg Nizhny_Novgorod Kazan Samara Omsk Rostov Volgograd Vladivostok
Murmansk Grozny Sochi Kaliningrad Kharkiv Kharkov Odessa Odesa Dnipro Donetsk Lviv Sevastopol Simferopol Gdansk Krakow Wroclaw
Lodz Poznan Brno Ostrava Bratislava Kosice Debrecen Cluj Timisoara Constanta Varna Plovdiv Thessaloniki Piraeus Patras Split
Dubrovnik Novi_Sad Nis Mostar Banja_Luka Tuzla Tirana Durres Hamburg Munich Cologne Frankfurt Stuttgart Dusseldorf Dortmund Essen
Bremen Hanover Hannover Leipzig Dresden Nuremberg Bochum Wuppertal Bielefeld Mannheim Karlsruhe Wiesbaden Munster Augsburg
Kiel Rostock Potsdam Zurich Geneva Basel Lausanne Lucerne Salzburg Innsbruck Graz Linz Rotterdam Utrecht Eindhoven Antwerp Ghent
Bruges Liege Charleroi Marseille Lyon Toulouse Nice Nantes Strasbourg Montpellier Bordeaux Lille Rennes Le_Havre Cannes Monaco
Milan Naples Turin Palermo Genoa Bologna Florence Bari Catania Venice Verona Trieste Barcelona Valencia Seville Zaragoza Malaga
Bilbao Las_Palmas Palma Porto Oporto Gothenburg Malmo Bergen Trondheim Aarhus Odense Tampere Turku Cork Limerick Galway
`);

/** States, provinces and other first-level regions of large countries. */
export const GAZETTEER_REGIONS: readonly string[] = entries(`
Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois Indiana Iowa
Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada
New_Hampshire New_Jersey New_Mexico New_York North_Carolina North_Dakota Ohio Oklahoma Oregon Pennsylvania Rhode_Island
South_Carolina South_Dakota Tennessee Texas Utah Vermont Virginia Washington West_Virginia Wisconsin Wyoming
Alberta British_Columbia Manitoba New_Brunswick Newfoundland Nova_Scotia Ontario Prince_Edward_Island Quebec Saskatchewan Yukon
New_South_Wales Queensland South_Australia Tasmania Victoria Western_Australia Northern_Territory
Bavaria Saxony Hesse Brandenburg Thuringia Lower_Saxony North_Rhine-Westphalia Schleswig-Holstein Baden-Wuerttemberg
Lombardy Tuscany Piedmont Sicily Sardinia Calabria Campania Veneto Andalusia Galicia Castile Navarre Asturias Aragon
Normandy Brittany Burgundy Provence Alsace Lorraine Corsica Flanders Wallonia Ulster Yorkshire Lancashire Kent Essex Surrey
Sussex Devon Cornwall Cumbria Northumberland Punjab Sindh Baluchistan Kashmir Bengal West_Bengal Bihar Assam Kerala Gujarat
Maharashtra Tamil_Nadu Uttar_Pradesh Rajasthan Karnataka Andhra_Pradesh Xinjiang Guangdong Sichuan Yunnan Fujian Hebei Henan
Hunan Hubei Jiangsu Zhejiang Shandong Manchuria Inner_Mongolia Hokkaido Honshu Kyushu Okinawa Mindanao Luzon Java Sumatra
Borneo Sulawesi Bali Aceh Irian_Jaya East_Timor Kurdistan Siberia Chechnya Dagestan Ingushetia Tatarstan Bashkortostan
Transylvania Moravia Bohemia Silesia Kosovo Vojvodina Slavonia Krajina Herzegovina Montenegro Anatolia Darfur Kordofan
Katanga Kivu Ogaden Natal KwaZulu-Natal Transvaal Orange_Free_State Cape_Province Chiapas Yucatan Patagonia Amazonia Tierra_del_Fuego
`);

/** Continents, world regions, seas, oceans, rivers, lakes and mountain ranges. */
export const GAZETTEER_GEOGRAPHY: readonly string[] = entries(`
Africa Asia Europe America North_America South_America Latin_America Central_America Antarctica Oceania Australasia Eurasia
Middle_East Near_East Far_East Gulf Persian_Gulf Arabian_Peninsula Horn_of_Africa Sahara Sahel Maghreb Balkans Baltics Caucasus
Scandinavia Caribbean Mediterranean Pacific Atlantic Arctic Indian_Ocean Pacific_Ocean Atlantic_Ocean Arctic_Ocean North_Sea
Baltic_Sea Black_Sea Caspian_Sea Red_Sea Dead_Sea Adriatic Aegean Irish_Sea South_China_Sea East_China_Sea Sea_of_Japan
Yellow_Sea Arabian_Sea Bay_of_Bengal Gulf_of_Mexico English_Channel Strait_of_Hormuz Suez_Canal Panama_Canal Bosphorus
Nile Amazon Danube Rhine Thames Seine Volga Yangtze Mekong Ganges Indus Tigris Euphrates Jordan_River Mississippi Missouri
Zambezi Congo_River Niger_River Limpopo Orinoco Rio_Grande Lake_Victoria Lake_Geneva Great_Lakes Lake_Baikal Lake_Tanganyika
Alps Andes Himalayas Rockies Rocky_Mountains Pyrenees Urals Carpathians Apennines Atlas_Mountains Hindu_Kush Mount_Everest
Kilimanjaro Sinai West_Bank Golan Gaza_Strip Siberia Tibet Patagonia Lapland Anatolia Mesopotamia Indochina Balkan_Peninsula
`);
