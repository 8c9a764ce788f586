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

/** Words and phrases just before a run that say a person follows ("my name is", "Dear", "ask"). */
export const PERSON_CUES = `name is|name's|my name|named|called|i am|i'm|this is|dear|hi|hello|hey|thanks|thank you|regards|sincerely|cheers|by|with|cc|attn|attention|
contact|ask|tell|met|meet|told|says|said|wrote|signed|patient|client|customer|user|employee|manager|colleague|friend|wife|husband|son|daughter|mother|
father|brother|sister|mr|mrs|ms|dr|prof|name|first name|last name|surname|maiden name|full name|called me|calls me|speak to|talk to|spoke to|
talked to|call|email|emailed|message|cc:|from:|to:|sender|recipient|author|producer|director|singer|songwriter|founder|founders|ceo|
including|and`.split(/\|\s*/);

/** Person cues strong enough that a common word which is also a name follows as a name. */
export const STRONG_PERSON_CUES = `name is|name's|my name|named|called|i am|i'm|dear|hi|hello|hey|thanks|thank you|regards|sincerely|attn|
first name|last name|surname|maiden name|full name|calls me|speak to|talk to|spoke to|talked to|producer|director|singer|songwriter|
founder|founders|ceo|patient|client|customer|user|employee|manager|colleague|friend|wife|husband|son|daughter|mother|father|brother|
sister|author|sender|recipient|signed|mr|mrs|ms|dr|prof`.split(/\|\s*/);

/** Words and phrases just before a run that say a place follows. */
export const LOCATION_CUES = `in|at|near|into|across|around|outside|inside|visit|visiting|visited|moved to|move to|lives in|live in|living in|based in|born in|
located in|city of|town of|state of|country|address|street|road|flew to|fly to|travel to|travelled to|traveled to|trip to|went to|go to|
going to|drive to|arrived in|arrive in|stay in|stayed in|staying in|from|originally from|to the|city|home city|hometown|town|village|
returned to|return to|back to|headed to|heading to|relocated to|near the|corner of`.split(/\|\s*/);

/** Words and phrases just before a run that say an organization follows. */
export const ORG_CUES = `work for|works for|working for|worked for|work at|works at|working at|worked at|employed by|employer|company|firm|
startup|joined|join|support|year at|job at|position at|intern at|internship at|recorded for|ceo of|cto of|cfo of|founder of|head of`.split(/\|\s*/);

/** Words that open a sentence or a clause and are never names ("I'm", "Now", "May I"). */
export const FUNCTION_WORDS = `the a an this that these those my our your his her their its i we you he she they it me us him them i'm i'd i've i'll
you're you've you'd you'll he's she's it's we're they're we've they've let's don't doesn't didn't can't won't isn't aren't wasn't weren't
dear hi hello hey thanks thank please ok okay yes no not on in at for and or but if when what where who whom whose why how which while
can could would should will shall may might must is are was were be been do does did have has had now then there here so also just still
yet today tomorrow yesterday tonight answer question note re fwd subject via per about after before since until during every each all
any some both either neither none one two three four five six seven eight nine ten
bot user assistant system name address phone email e-mail fax mobile desk office title date time where when website`.split(/\s+/);

/** Calendar words: months, weekdays and holidays are dates, not names. */
export const CALENDAR_WORDS = `january february march april may june july august september october november december jan feb mar apr jun jul aug
sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun christmas easter
hanukkah ramadan diwali thanksgiving halloween day eve weekend`.split(/\s+/);

/** Particles inside personal and place names ("Willemine ten Pas", "Villafranca del Cid"). */
export const NAME_PARTICLES = 'de des dei degli delle van der den von da di du del della la le las los ten ter bin binti al el dos das do y e zu af av mac'.split(' ');

/** Words that make an address unit: "Suite 727", "Apt. 864", "Box 287". */
export const UNIT_WORDS = 'unit flat floor fl room rm box bldg building lot'.split(' ');

/** Unit words that say "address" on their own: "Suite 727", "Apt. 864", "PSC 0413", "PO Box 12". */
export const STRONG_UNIT_WORDS = 'suite ste apt apartment psc cmr apo fpo dpo postbox pobox po'.split(' ');

/** Words before a bare postcode. */
export const ZIP_CUES = 'zip|zipcode|zip code|postcode|post code|postal code|postal|plz|cp|cep|pin code|pincode'.split('|');

/**
 * Street types after a street name, from the USPS list of standard suffixes (Publication 28, C1) plus the
 * British ones; plurals are added when the table is built.
 */
export const STREET_SUFFIXES = `street st avenue ave av road rd lane ln boulevard blvd drive dr court ct way place pl square sq terrace ter parkway pkwy
highway hwy circle cir crescent cres close grove row walk alley aly trail trl plaza plz hill gardens garden park mews rise wharf yard
branch bridge brg brook burg bypass byp camp canyon cape causeway center ctr cliff club common corner cor course cove creek crest crossing
crossroad curve dale dam divide estate expressway expy extension ext falls ferry field fld flat ford forest forge fork fort freeway fwy
gateway glen green harbor harbour haven heights hts hollow inlet island isle junction jct key knoll lake land landing light loaf lock lodge
loop mall manor meadow mill mission motorway mount mountain mtn neck orchard oval overpass pass passage path pike pine plain point pt port
prairie radial ramp ranch rapid rest ridge river route run shoal shore skyway spring spur station sta stravenue stream summit throughway
trace track trafficway tunnel turnpike tpke underpass union valley via viaduct view village ville vista wall well wells
út u utca tér körút krt útja sor köz`.split(/\s+/);

export const STREET_PREFIXES = `rue avenue av via viale piazza calle avenida av. rua travessa largo praça plaza paseo ul ul. ulica aleja al. chemin place boulevard quai
allée impasse route strada carrer camino`.split(/\s+/);

/** Endings of one-word street names: Harjukuja, Brixtonlaan, Hauptstraße, Storgatan, Hammarvägen, Nørrebrogade. */
export const STREET_WORD_ENDINGS = `straat laan weg gracht plein kade dijk steeg singel straße strasse str gasse allee platz ring damm graben markt berg
gatan vägen gränd stigen torget vej gade allé veien vegen gata gaten katu kuja tie polku kaari utca út útja ulica ulice cesta iela gatvė tänav
street road avenue lane`.split(/\s+/);
