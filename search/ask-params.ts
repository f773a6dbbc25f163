/**
 * Tunables of question answering in one place (search/ask.ts and search/answer-routes.ts);
 * values chosen on the founding essay's development questions, never on held-out ones.
 */
export const ASK_PARAMS = {
  /** Passages fetched from each retrieval list to choose the documents to read. */
  pool: 60,
  /** Passages fetched from the vector index, enough to hold every passage of the documents read. */
  vectorPool: 300,
  /** Documents read in full (best retrieved first). */
  maxDocs: 4,
  /**
   * Below this best own-text relevance, nothing in the documents answers the question (0.39 until the
   * ninth stop; 0.35 answers four more development questions and loses none, 0.32 one more: kept at
   * 0.35 so that questions nothing answers stay empty with a margin).
   */
  minRelevance: 0.35,
  /** …unless the best sentence is itself a shift or a measure, as asked for, and has at least this. */
  minStatementRelevance: 0.3,
  /** …where that sentence scores at least this share of the best (the lead sentence announcing the shifts may tie). */
  statementShareOfBest: 0.9,
  /**
   * …unless the model finds a passage that says the question in other words: raw cosine of the
   * nearest passage at least this (bge-small-zh on the blind pairs dev-ak/al and dev-am/an:
   * colloquial paraphrases of a sentence score 0.69–0.79, questions nothing answers 0.33–0.55),
   * with at least minParaphraseOwn of the question's own words there.
   */
  minParaphraseCosine: 0.66,
  minParaphraseOwn: 0.1,
  /** Share of its role score an actor keeps when it is whom something is provided for (为X提供). */
  beneficiaryShare: 0.3,
  /** Factor on a named mode's own leader in a question for who takes part in it. */
  leaderAsParticipant: 0.6,
  /** Score of the first entity of a list question with no constraint (the shifts, the recommendations); later ones decay by order. */
  listedAnswer: 0.3,
  listedOrderDecay: 0.05,
  /** Answers scoring under this share of the best answer are dropped. */
  relativeCut: 0.35,
  /** Share of the vector similarity in a sentence's relevance (when a model is available). */
  vectorWeight: 0.15,
  /**
   * Multiplier of vectorWeight for English questions: the embedded text is then a word-by-word
   * translation, whose similarity to fluent Chinese sentences is a weaker signal.
   */
  vectorWeightEnglish: 0.3,
  /** Evidence that negates what the question negates / fails to. */
  negationBonus: 1.3,
  negationPenalty: 0.45,
  /** An answer-type entity the question itself names is the premise, rarely the answer. */
  namedPenalty: 0.6,
  evidencePerAnswer: 3,
  /** Share of an answer's second-best evidence added to its best (more support, a little higher). */
  secondEvidence: 0.1,
  /** Per extra entity of the asked type in the same sentence (an overview listing every mode is weak evidence). */
  crowdDiscount: 0,
  /**
   * Share of a mention's score lost when the question's words occur in its sentence only inside
   * the name of another entity of the asked type (they describe that one).
   */
  siblingNameShare: 0.4,
  /** Share of its score a mention keeps when it lies inside the name of an entity the question names. */
  insideFocusName: 0.7,
  /** Factor on an answer named only inside another entity's name that the question is not about (链主企业 of 链主企业牵头的联合攻关型, when another mode is asked about). */
  insideOtherName: 0.6,
  /** A typed relation to an entity the question names, at full focus match and confidence. */
  relationWeight: 1.1,
  /**
   * Share of a section owner's score for a sentence in which the graph relates what the question
   * names to a kind first introduced within the owner's section (that kind is what the sentence
   * speaks of; the owner holds it by scope only).
   */
  subKindOwnerShare: 0.6,
  /** Strength of a paragraph's ownership by the one entity its lead sentence names (a heading's is up to 1). */
  paragraphOwner: 0.8,
  /** A decision body (HAS_DECISION_BODY target) for a question asking what body decides or coordinates, per unit of its evidence's relevance. */
  decisionBodyWeight: 1.2,
  /** Share of that weight when the question names an owner and the relation belongs to another. */
  decisionBodyOtherOwner: 0.5,
  /** …and when the owner the question names has a decision body of its own in the documents read. */
  decisionBodyOtherOwnerWhenNamedHasOne: 0.25,
  /** With no owner named: share of the best relevance in its paragraph a decision body's sentence is credited with. */
  decisionBodyParagraphShare: 0.8,
  /** Share of that weight for a known decision body merely mentioned in a relevant sentence. */
  decisionBodyMention: 0.6,
  /** Factor on an actor the graph never records as a decision body, for a question asking what body decides. */
  notDecisionBody: 0.6,
  /** Factor on a mechanism its evidence writes as a part of another answer (公开发榜、自由揭榜的揭榜挂帅方式). */
  partOfWhole: 0.9,
  /** Which X splits into A and B: answers scoring at least this share of the best are the named kinds. */
  wholePartShare: 0.5,
  /** The whole of named kinds earns this much of its kind's best evidence. */
  wholeOfParts: 1.1,
  /** Factor on a named kind when its whole is found. */
  partOfAskedWhole: 0.7,
  /** A mode whose best evidence is also its own kind's (该层级采用赛马制 under 其一是…): the kind says it more precisely. */
  wholeSharingKindEvidence: 0.7,
  /** Factor on a sub-kind when the question asks for one of a counted set of kinds (which of the three types). */
  subKindAmongCounted: 0.5,
  /** Confidence from which a relation was read from explicit cues (below: from a subject alone). */
  cuedConfidence: 0.5,
  /** Factor on an answer without a cued relation of the asked type, when the named entity has several. */
  uncuedRelation: 0.5,
  /** Factor on an actor not of the kind the question names (哪家金融机构: 企业), when some answer is. */
  otherKindThanNamed: 0.6,
  /** Factor on an actor named only by a role every member has (成员单位, 参与方). */
  genericRole: 0.6,
  /** An answer ranked below the cued ones scores at most this share of the best of them. */
  belowShare: 0.95,
};

