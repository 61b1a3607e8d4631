// Topic vocabularies for the entity tagger: which kind of story a text is changes what a name means
// ("Kent beat Sussex" in a cricket report names clubs; "rain in Kent" names a county). General English
// words of each field, written by hand; lower-cased.

function words(list: string): string[] {
  return list.split(/\s+/).filter(Boolean);
}

export const SPORT_WORDS: readonly string[] = words(`
match matches game games goal goals scored scoring score scores win wins won winning beat beats beaten defeat defeated draw drew
drawn season league cup championship championships tournament final finals semi-final semifinal quarter-final quarterfinal
innings wicket wickets batsman batsmen bowler bowled bowling batting striker midfielder defender goalkeeper keeper coach
player players team teams club clubs squad race raced lap laps seed seeded seeds set sets rebounds touchdown touchdowns
inning innings pitcher homer homers hitter hitters penalty penalties minute minutes half-time halftime kick-off fixture
fixtures title titles champion champions medal medals olympic olympics stadium referee captain skipper unbeaten playoff playoffs
soccer football cricket tennis golf rugby baseball basketball hockey cycling athletics boxing racing motor-racing skiing
rally grand slam prix
`);

export const BUSINESS_WORDS: readonly string[] = words(`
shares share stock stocks market markets percent pct profit profits loss losses revenue revenues sales earnings dividend
dividends bond bonds yield yields price prices investor investors investment trading traded trader traders company companies
firm firms billion million quarter net tax rate rates index futures inflation economy economic economists analyst analysts
bank banks banking interest currency dollar dollars yen marks francs sterling exports imports trade deficit surplus growth
output production contract contracts merger acquisition acquire acquired bid deal deals stake shareholders chairman
executive subsidiary unit group holdings exchange listed brokers brokerage fund funds debt credit loan loans tonnes barrels oil
`);

export const POLITICS_WORDS: readonly string[] = words(`
government minister ministers president presidential parliament parliamentary election elections elected vote votes voters
voting party parties opposition talks peace war troops police rebels rebel army military soldiers killed attack attacks
security ceasefire negotiations diplomat diplomats diplomatic embassy ambassador sanctions treaty referendum coalition
cabinet prime senator congress legislation law court judge trial prosecutor sentenced arrested protest protesters
refugees spokesman officials official leader leaders regime independence province capital border guerrillas
`);
