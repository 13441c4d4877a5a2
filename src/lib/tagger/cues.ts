import type { Behaviour } from './labels';

/** A word pattern that signals a behaviour in a sentence, with the name shown as evidence. */
export interface Cue {
  label: Behaviour;
  name: string;
  pattern: RegExp;
}

const cue = (label: Behaviour, name: string, pattern: RegExp): Cue => ({ label, name, pattern });

/** An intention to check something ("let me verify", "to make sure"). */
export const CHECK_INTENT =
  /\b(let(?:'s| me| us)|i(?:'ll| will| should)|we(?:'ll| will| should| can)|to)\s+(?:also\s+|quickly\s+|now\s+)?(verify|check|confirm|double[- ]check|cross[- ]check|make sure|be sure|sanity[- ]check|validate)\b|\bto (?:make|be) sure\b|\bto confirm\b|\bto verify\b/i;

export const PROSE_CUES: Cue[] = [
  // verification: comparing a result with the target, a constraint or another computation
  cue('verification', 'check intent', CHECK_INTENT),
  cue('verification', 'checking', /^(checking|verifying|double[- ]checking|sanity check)\b/i),
  cue(
    'verification',
    'matches',
    /\b(match(es|ed|ing)?|agrees?( with)?|consistent with|coincides?)\b/i,
  ),
  cue(
    'verification',
    'satisfies',
    /\b(satisf(y|ies|ied)|holds?(?= (as well|too))|holds?(?=[.,;!]|$)|(is|are) (correct|right|valid)|checks out|(is|are) (all )?(a |the )?solutions?\b|which is (true|false)\b)/i,
  ),
  cue(
    'verification',
    'same as',
    /\b(same (as|one)|(the one|what) (i|we) (found|got|expected)|as (i )?(expected|required|claimed)|confirms?|confirmed|verif(y|ies|ied)|the only|should (equal|have a unique|be the same)|not what the (problem|question) (asks|wants))\b/i,
  ),
  cue('verification', 'agreement', /^(yes|right|correct|good|great)\b[,!.]/i),
  cue(
    'verification',
    'not the target',
    /\b(which is not|is not|isn't|not)\s+\$?-?\d[\d.,/]*\$?\b|\bgives? \S+,? not \S+/i,
  ),
  cue(
    'verification',
    'too much or too little',
    /\b(too (high|low|many|few|much|little|big|small|large))\b|\b(\d+|that's|that is) (more|less|fewer|greater|smaller) than\b|^(more|less) than\b/i,
  ),
  cue(
    'verification',
    'fails',
    /\b(fails?|violates?|breaks? (clue|the|a|rule|condition)|contradict(s|ion)?|not allowed|(looks|seems|is) (wasteful|suspicious|off|too (high|low)))\b/i,
  ),
  cue(
    'verification',
    'substituting back',
    /\b(substitut\w* (it |them |this |these )?back|plug\w* (it |them )?(back|in)|back into)\b/i,
  ),
  cue('verification', 'no assertion failed', /\bassert(ion)?s? (failed|passed|hold)|no assertion/i),
  cue(
    'verification',
    'against a bound',
    /\b(beats|equals the (lower|upper) bound|exactly the (limit|target|budget)|within the (limit|budget))\b/i,
  ),
  cue(
    'verification',
    'brute force check',
    /\b(brute[- ]force|enumerat\w+|exact enumeration|every possible)\b.*\b(gives?|finds?|says?|confirms?|agrees?)\b|\b(gives?|finds?)\b.*\bbrute force\b/i,
  ),
  cue(
    'verification',
    'surprise at a result',
    /^(hmm|but|wait)\b.*\b(not|only|gives?|leaves?)\b|^(that's|that is|this is) (strange|odd|weird|surprising)\b/i,
  ),

  // backtracking: the current path, result or code is wrong and is abandoned or revised
  cue(
    'backtracking',
    'mistake',
    /\b(mistake|messed up|typo|oops|off by one|flipped it|i forgot|we forgot|forgot (that|to|about|clue|the)|overlooked|overcounts?|undercounts?|miscounted|double[- ]counted)\b|\b(that|this|it|which|answer|approach|result|greedy \w+|formula|code|assumption|reasoning|count|calculation|i) (is|was) (wrong|incorrect)\b|\b(that's|it's|this is) (wrong|incorrect|not right)\b|\bwrong (answer|approach|formula|order)\b/i,
  ),
  cue(
    'backtracking',
    'not what was asked',
    /\bnot what the (problem|question) (asks|wants|says)\b/i,
  ),
  cue(
    'backtracking',
    'does not work',
    /\b(doesn't|does not|won't|will not|isn't|is not|didn't|did not) (work|working|help|apply)\b|\bnot working\b|\bno good\b|\bdead end\b/i,
  ),
  cue(
    'backtracking',
    'different approach',
    /\b(different|another|new) (approach|method|way|strategy|plan)\b|\b(instead of|instead)\b|\bstart over\b|\bscrap\b/i,
  ),
  cue(
    'backtracking',
    'error explained',
    /\b(the (code|error|program)|it) (raised|raises|failed|fails|crashed|threw)\b|\b(error|exception) (happens|occurs|is) because\b|\b(raised|threw) an? \S*(error|exception)/i,
  ),
  cue(
    'backtracking',
    'fix',
    /\blet(?:'s| me) (fix|correct|add|change|update|rewrite|redo)\b|\b(run|try) it again\b|\bneeds? to be (fixed|changed|corrected)\b|\b(i|we) (need|have) to \w+ (it|those|them|that|by)\b.*\b(first|another|instead)\b|\bshould (have (used|done|divided|checked|been)|divide|split)\b/i,
  ),
  cue(
    'backtracking',
    'rejected case',
    /\b(that|this) (case|option|branch|possibility) is (impossible|ruled out|out)\b|\b(can't|cannot) be at\b|\bre-?reading\b/i,
  ),
  cue(
    'backtracking',
    'correction',
    /^(wait|no|oh|actually|hmm)\b[,.!]?\s*(no|wait|that's not|that is not|i|it|the|there)\b/i,
  ),

  // subgoal setting: breaking the problem into steps, announcing the plan
  cue(
    'subgoal_setting',
    'first ... then',
    /\b(first|firstly)\b.*\b(then|next|after that|and finally|finally)\b/i,
  ),
  cue(
    'subgoal_setting',
    'plan',
    /^(plan|my plan|the plan|our plan)\b|\b(in|into) (two|three|four|five|\d) (steps|parts|stages)\b|\b(follow|take) (these|the following) steps\b|\bthe steps are\b|\bbreak (it|this|the problem) (down|into)\b/i,
  ),
  cue('subgoal_setting', 'step n', /^(step \d+|\d+[.)]\s|\(\d+\)\s|[-*]\s)/i),

  // backward chaining: from the goal back to what is needed
  cue(
    'backward_chaining',
    'to get X we need Y',
    /^(so )?to (find|know|get|compute|determine|work out|figure out|make|reach|finish|use|answer)\b.*\b(we|i) (need|must|have to|should)\b|^to (find|know|get|finish|use|make)\b.*,.*\b(has|have|must|needs?) (to )?\w+/i,
  ),
  cue(
    'backward_chaining',
    'working backwards',
    /\b(work(ing)? backwards?|think(ing)? backwards?|backwards from|from the (target|goal|answer))\b/i,
  ),
  cue(
    'backward_chaining',
    'what the goal requires',
    /\b(for (the|a|it|this|\$?[a-z]\$?)( .{1,60}?)? to (be|leave|equal|work|hold|make|reach|finish|win)|in order for|would have to|has to be made|need (to make|to get|to subtract|\d+ from)|we need \$?[a-z]\$? ?[+<>=-])/i,
  ),
  cue(
    'backward_chaining',
    'depends on',
    /\b(depends on|is determined by|comes down to|only if|easier to count|ways to make|which means we need)\b/i,
  ),
  cue(
    'backward_chaining',
    'decompose the target',
    /\b(since|as) \$?\d+\s*(=|is)\s*\$?\d+\s*(×|\*|\\times|x)\s*\d+.*\b(get|make|need)\b|\bwhat about \d+ ?(×|\*|\\times) ?\d+\?|\b\d+ could be\b.*\bneed\b/i,
  ),
];

/** Sentences that use a cue's words in another sense ("Let x be", a bank check, a waiting time). */
export const HARD_NEGATIVES: { name: string; pattern: RegExp; blocks: Behaviour[] }[] = [
  {
    name: 'a definition ("Let x be")',
    pattern: /^let \$?[a-z]\$?( and \$?[a-z]\$?)? (be|denote|=)\b/i,
    blocks: ['verification'],
  },
  {
    name: 'a cheque or a bill',
    pattern:
      /\b(the|a|bank|paper|pay|his|her) check(s)?\b(?! (this|that|it|them|whether|if|every|all|each|the|our|my|by|against|with))/i,
    blocks: ['verification'],
  },
  {
    name: 'a waiting time',
    pattern: /\b(waits|waiting|waited|wait time|wait of)\b/i,
    blocks: ['backtracking'],
  },
  {
    name: 'restating the task',
    pattern:
      /^(okay,? |ok,? |so,? )?(we|i) (need|want|have) to (find|give|determine|figure|make|compute|work out|count|solve|turn|get)\b/i,
    blocks: ['verification', 'backward_chaining', 'backtracking'],
  },
  {
    name: 'writing code for the first time',
    pattern:
      /\b(let(?:'s| me| us)|we(?:'ll| will| can)|i(?:'ll| will))\s+(write|implement|code|compute|calculate|use python|solve)\b(?!.*\b(check|verify|confirm|make sure)\b)/i,
    blocks: ['verification', 'backward_chaining'],
  },
];
