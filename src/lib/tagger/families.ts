/**
 * Families of meaning: what a sentence does, said in many ways, each a feature of the learned
 * model (its weight is learned, not set by hand) and a source of highlighted words as evidence.
 */
export interface Family {
  name: string;
  pattern: RegExp;
}

const family = (name: string, pattern: RegExp): Family => ({ name, pattern });

export const FAMILIES: Family[] = [
  family(
    'check intent',
    /\b(verify|verif(ies|ied|ying|ication)|check(s|ed|ing)?|confirm(s|ed|ing)?|double[- ]check\w*|cross[- ]check\w*|sanity[- ]check\w*|make sure|be sure|validate|test (it|this|that|the)|plug(ging|ged)? (it |them |this |that |these |those )?(back|in)|substitut\w* (it |them |this |that )?back|recomput\w+|recalculat\w+|re-?deriv\w+|independent(ly)?|another way|second (method|way|approach)|by hand|brute[- ]?forc\w*|enumerat\w+|simulat\w+|replay\w*|is (that|this|it) (plausible|right|correct|reasonable|true)|does (it|that|this) (hold|work|fit|satisfy)|see (if|whether)|one more look|look again|try it out|test(s|ed|ing)?)\b/gi,
  ),
  family(
    'agreement',
    /\b(match(es|ed|ing)?|agrees?|agreed|consistent|identical|the same|same as|coincides?|satisf(y|ies|ied|ying)|holds?|checks out|as expected|confirms?|confirmed|correct(?! (this|that|it|the|my|our|them|these|those|for|an?)\b)|valid|fine|works|equals?|exactly|indeed|yes|as (predicted|computed|found|before|claimed)|reproduc\w+|plausible|reasonable|makes sense|pass(es|ed)?|no assert\w*|unambiguous|good|right|✓|true)\b/gi,
  ),
  family(
    'comparison',
    /\b(far |much |way |well |slightly |a bit )?(below|above|short of|less than|more than|greater than|smaller than|bigger than|larger than|fewer than|exceeds?|over the|under the|instead of|rather than|not \$?-?\d[\d.,]*|vs\.?|versus|differs?|different from)\b/gi,
  ),
  family(
    'expectation',
    /\b(expected|expecting|should (be|give|equal|have|come|get)|supposed to|was meant to|target|the goal|we wanted|i wanted|the problem says|the question (says|asks)|required|as stated)\b/gi,
  ),
  family(
    'something off',
    /\b(something('s| is)? (off|wrong)|off by|too (high|low|big|small|large|many|few|much|little)|can't be (right|correct)|cannot be (right|correct)|not (right|correct|possible)|impossible|unexpected(ly)?|strange|weird|odd|suspicious|doesn't (add up|make sense)|does not (add up|make sense)|that's not|that is not|contradict\w*|violates?|fails?|failed|contradict\w*|negative|not allowed|not independent|worse|wastes?|undoes|overshoot\w*|isn't|doesn't|won't|can ?not|no longer|leaves? (over|out)|left over|unspent|nothing|never|but the (code|output|program|result) (gives|says|prints|shows|returns))\b/gi,
  ),
  family(
    'error',
    /\b(error|traceback|exception|crash(ed|es)?|raised?|bug|typo|undefined|not defined|syntax)\b/gi,
  ),
  family(
    'revision',
    /\b(wrong|mistake\w*|incorrect(ly)?|oops|actually|fix(ed|es|ing)?|correct(ed|ing|ion)|redo|rewrite|revis\w+|mis\w+|forgot|overlooked|overcount\w*|undercount\w*|double[- ]count\w*|should have|shouldn't have|instead|again|(should|needs? to|has to) (be|have been|read|say)|let me (correct|fix|redo|re\w+)|the (suspect|culprit)|i (used|wrote|assumed|treated|applied|subtracted|added|counted)|wrongly|scratch that|correct (this|that|it|the|my|our|them|these|those|for|an?)|apolog\w+|oversight|re-?evaluat\w+|re-?examin\w+|reconsider\w*|revisit\w*|made an? (error|mistake|slip)|went wrong|erroneous\w*|flaw\w*)\b/gi,
  ),
  family(
    'retraction',
    /\b(i (made|make) an? (error|mistake|slip)|i messed up|my (mistake|error|bad)|that's (wrong|incorrect|not right)|that was (wrong|incorrect)|(this|that|it) (is|was) (wrong|incorrect)|scrap (that|this|the|it)|let(?: me|'s| us) (redo|correct|fix|re-?do|start over)|redo (it|this|that|the)|corrected:|i forgot|i overlooked|i dropped|i missed|scratch that)\b|^(wait|hmm+|hold on|oh),? no\b/gi,
  ),
  family(
    'abandon',
    /\b(doesn't work|does not work|won't work|will not work|not working|didn't work|give up|giving up|abandon\w*|dead end|different (approach|method|way|strategy)|another (approach|method|way|strategy)|new (approach|method|plan)|start over|scrap|drop (that|this|it)|rule[sd]? out|no good|not viable|discard\w*)\b/gi,
  ),
  family(
    'diagnosis',
    /\b(because|since|the (problem|issue|bug|error|mistake|culprit|reason) (is|was)|caused by|that's why|which is why|this is why|that explains|explains|the cause)\b/gi,
  ),
  family(
    'requirement',
    /\b(need|needs|needed|must|has to|have to|had to|require[sd]?|requirement|would have to|in order (to|for)|so that|it suffices|enough to|must be|would have to|can only|only if|if and only if|necessar\w+|sufficient|suffices|at least|at most|would need|forces?|forced)\b/gi,
  ),
  family(
    'goal',
    /\b(to (get|find|reach|make|obtain|end up with|hit|achieve|know|determine|compute) |for (the|a|it|this|that|\$?[a-z]\$?)\b[^.,;]{0,60}? to (be|equal|hold|work|reach|make|get|end)|the (goal|target) (is|of))/gi,
  ),
  family(
    'goal to requirement',
    /\b(?:to|for|in order to)\b[^.;]{0,80}?,\s*[^.;]{0,40}?\b(?:need|needs|must|has to|have to|requires?|would have to|should)\b(?! to (?:follow|consider|take|perform|go through|do|complete|carry out)\b|(?: to)?:)|\bto (?:get|find|reach|make|obtain|hit|achieve|know|determine|compute|pin|use|see)\b[^.;]{0,80}?\b(?:need|needs|must|has to|have to|requires?)\b(?! to (?:follow|consider|take|perform|go through|do|complete|carry out)\b|(?: to)?:)|\bfor\b[^.,;]{1,60}?\bto (?:be|equal|hold|work|reach|make|get|end|fit|exist|have)\b|\bbefore (?:i|we|any \w+|it) can\b|\bfirst need\b|\bneed\w*\b[^.;]{1,60}?\bfirst\b|\b(?:depends|hinges) on\b|\bcomes? down to\b/gi,
  ),
  family(
    'backwards',
    /\b(work(ing)? backwards?|backwards? from|think(ing)? backwards?|from the (goal|target|end|answer)|last (step|move|operation) (must|has|is|was|could)|reverse|from the end|end state|final (state|tower|position|step|move|configuration)|last (move|step|operation)|previous state|came from|comes from|before that|work(ing)? back|unwind\w*|the step before|one step back|back to front|(work|working|walk|walking|start|starting) (back|from))\b/gi,
  ),
  family(
    'plan',
    /\b(first(ly)?|second(ly)?|third(ly)?|then|next|after that|afterwards|finally|lastly|plan|steps?|stages?|phases?|sub-?goals?|sub-?problems?|break (it|this|the problem) (down|into)|two cases|three cases|cases?:|split into|in (two|three|four) (parts|steps|stages)|break(ing)? (it |this |the problem |this problem |things |the task )?(down|up|into)|step by step|(these|following|the) (steps|sub-?steps)|sub-?steps?|(two|three|four|five) (steps|parts|stages|phases)|as follows|approach|strategy|outline|(start|begin) (by|with)|to do this)\b/gi,
  ),
  family(
    'future',
    /\b(i'll|we'll|i will|we will|i'm going to|we're going to|let's|let me|let us|i need to|we need to|i want to|we want to|i should|we should|i can|we can)\b/gi,
  ),
  family('hedge', /^(wait|hmm+|hm|oh|hold on|but|no|actually|ah|uh|oops|huh|well)\b/gi),
  family('conclusion', /^(so|therefore|thus|hence|that gives|this gives|which gives)\b/gi),
  family('question', /\?\s*$/g),
  family(
    'candidate',
    /\b(try|trying|tried|what if|suppose|assume|if .{1,40} then|candidate|option|possibility|guess)\b/gi,
  ),
];

/** Readings that use a family's words in another sense. */
export const NEGATIVES: Family[] = [
  family('definition', /^let \$?[a-z]\$?( and \$?[a-z]\$?)? (be|denote|=)\b/gi),
  family(
    'a cheque or a bill',
    /\b(the|a|bank|paper|pay|his|her) checks?\b(?! (this|that|it|them|whether|if|every|all|each|the|our|my|by|against|with))/gi,
  ),
  family(
    'steps to follow, not a requirement',
    /\b(?:need|needs|have|has) to (?:follow|consider|take|perform|go through|do|complete|carry out)\b[^.]{0,30}?\b(?:steps?|stages?|parts?|calculations?)\b|\b(?:need|needs|have|has) to:\s*$/gi,
  ),
  family('a waiting time', /\b(waits|waiting|waited|wait time|wait of)\b/gi),
  family(
    'restating the task',
    /^(okay,? |ok,? |so,? )?(we|i) (need|want|have) to (find|give|determine|figure|make|compute|work out|count|solve|turn|get)\b/gi,
  ),
  family(
    'code for the first time',
    /\b(let(?:'s| me| us)|we(?:'ll| will| can)|i(?:'ll| will))\s+(write|implement|code|compute|calculate|use python|solve)\b/gi,
  ),
];
