/**
 * English function words. Their share separates prose from link text (the
 * boilerplate classifier), and one of them starting a capitalised word is how a
 * sentence glued to the text before it shows (the glued-words repair).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each either even ever every few for from further had has have having he her here ' +
    'hers herself him himself his how however i if in into is it its itself just least less may me might more most much must my ' +
    'myself neither no nor not now of off on once one only or other others our ours ourselves out over own rather same she should ' +
    'since so some still such than that the their theirs them themselves then there these they this those though through thus to ' +
    'too under until up upon us very was we were what whatever when where whether which while who whom whose why will with within ' +
    'without would yet you your yours yourself s t d ll re ve m don didn doesn isn wasn aren weren hasn haven hadn won wouldn ' +
    "couldn shouldn can't let lets"
  ).split(' ')
)
