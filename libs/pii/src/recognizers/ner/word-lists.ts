/**
 * Small closed word classes the NER rules need. Open classes (names, places,
 * English vocabulary) come from packaged gazetteers in gazetteer.ts.
 */

/** Nationalities, religions and political groups (Presidio's NRP). */
export const NRP_WORDS = `afghan albanian algerian american andorran angolan argentine argentinian armenian australian austrian azerbaijani
bahamian bahraini bangladeshi barbadian belarusian belgian belizean beninese bhutanese bolivian bosnian brazilian british bruneian bulgarian
burmese burundian cambodian cameroonian canadian chadian chilean chinese colombian congolese costa rican croatian cuban cypriot czech danish
dominican dutch ecuadorian ecuadorean egyptian emirati english eritrean estonian ethiopian fijian filipino finnish french gabonese gambian
georgian german ghanaian greek grenadian guatemalan guinean guyanese haitian honduran hungarian icelandic indian indonesian iranian iraqi
irish israeli italian ivorian jamaican japanese jordanian kazakh kenyan korean kosovar kuwaiti kyrgyz lao latvian lebanese liberian libyan
lithuanian luxembourgish macedonian malagasy malawian malaysian maldivian malian maltese mauritanian mauritian mexican moldovan monegasque
mongolian montenegrin moroccan mozambican namibian nepalese nepali nicaraguan nigerian nigerien norwegian omani pakistani palestinian panamanian
paraguayan peruvian polish portuguese qatari romanian russian rwandan salvadoran samoan saudi scottish senegalese serbian singaporean slovak
slovakian slovenian somali south african spanish sri lankan sudanese surinamese swazi swedish swiss syrian taiwanese tajik tanzanian thai
togolese tongan trinidadian tunisian turkish turkmen ugandan ukrainian uruguayan uzbek venezuelan vietnamese welsh yemeni zambian zimbabwean
greenlander greenlandic faroese basque catalan flemish walloon kurdish arab arabic asian african european latino latina hispanic
christian christians catholic catholics protestant protestants muslim muslims islamic jewish jews jew hindu hindus buddhist buddhists sikh sikhs
orthodox mormon mormons evangelical lutheran anglican baptist methodist atheist atheists agnostic
democrat democrats republican republicans socialist socialists communist communists conservative conservatives liberal liberals labour tory tories
libertarian libertarians green greens`.split(/\s+/);

/** Words that make a capitalized run an organization when they end it (or open it: "Bank of ..."). */
export const ORG_WORDS = `inc inc. incorporated ltd ltd. limited llc llp lp plc corp corp. corporation co co. company companies group holdings
associates partners partnership foundation institute university college school academy bank bancorp trust fund capital ventures
industries international systems solutions technologies technology tech labs laboratories services consulting consultants agency
enterprises brothers bros sons gmbh ag sa s.a. bv b.v. nv n.v. oy ab as a/s spa s.p.a. srl sarl kk pty ministry department council
committee association society club union federation organization organisation network networks media studios publishing press
pharmaceuticals pharma healthcare hospital clinic motors airlines airways railways energy electric insurance securities investments
markets stores restaurant hotels communications telecom software hardware`.split(/\s+/);

/** Honorifics before a person's name. */
export const TITLES = ['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lady', 'lord', 'rev', 'fr', 'sr', 'jr', 'madam', 'mme', 'mlle', 'herr', 'frau', 'señor', 'señora'];

/** Cues just before a run that say a person follows. */
export const PERSON_CUES = /(?:\b(?:name is|name's|named|called|i am|i'm|this is|dear|hi|hello|hey|thanks|thank you|regards|sincerely|cheers|from|by|with|to|cc|attn|contact|ask|tell|met|meet|told|says|said|wrote|signed|patient|client|customer|user|employee|manager|mr|mrs|ms|dr|prof)[.,:]?\s+)$/i;

/** Cues just before a run that say a place follows. */
export const LOCATION_CUES = /(?:\b(?:in|at|from|to|near|into|across|around|outside|inside|visit|visiting|visited|moved to|lives in|live in|living in|based in|born in|located in|city of|town of|state of|country|address|street|road|flew to|travel to|trip to)\s+)$/i;

/** Street and place types of street addresses, in the languages the gateway meets most. */
export const STREET_SUFFIXES = `street st avenue ave road rd lane ln boulevard blvd drive dr court ct way place pl square sq terrace parkway pkwy highway hwy
circle cir crescent close grove row walk alley trail plaza hill gardens park`.split(/\s+/);

export const STREET_PREFIXES = `rue avenue av via viale piazza calle avenida av. rua travessa largo praça plaza paseo ul ul. ulica aleja al. chemin place boulevard quai
allée impasse route strada carrer camino`.split(/\s+/);

/** Endings of one-word street names: Harjukuja, Brixtonlaan, Hauptstraße, Storgatan, Hammarvägen, Nørrebrogade. */
export const STREET_WORD_ENDINGS = /(?:straat|laan|weg|gracht|plein|kade|dijk|steeg|singel|straße|strasse|gasse|allee|platz|ring|damm|gatan|vägen|gränd|stigen|torget|vej|gade|allé|veien|gata|katu|kuja|tie|polku|kaari|utca|út|ulica|ulice|cesta|iela|gatvė|tänav|street|road|avenue)$/i;
