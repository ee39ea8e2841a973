import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type SbiDraft,
  type SbiField,
  type SbiFindingCode,
  sbiExamplesFor,
  sbiFields,
  sbiLint,
  sbiRulesFor,
} from "../../../lib/feedback";

/** A French draft with nothing to lint, so each table changes one field and looks at that one. */
const good: SbiDraft = {
  situation: "Lors de la revue de design d'hier",
  behavior: "vous avez interrompu la designer trois fois pendant qu'elle présentait la maquette",
  impact: "il a été plus difficile pour l'équipe de comprendre ses choix",
  request: "Lors des prochaines revues, gardez vos questions pour la fin.",
  valence: "redirecting",
};

function findings(field: SbiField, text: string, changes: Partial<SbiDraft> = {}) {
  return sbiLint({ ...good, ...changes, [field]: text }, "fr").filter((f) => f.field === field);
}

function codes(field: SbiField, text: string, changes: Partial<SbiDraft> = {}): SbiFindingCode[] {
  return findings(field, text, changes).map((f) => f.code);
}

const characterJudgments = [
  "tu es paresseux",
  "Tu es paresseuse",
  "vous êtes négligent",
  "Vous êtes vraiment négligente avec les chiffres",
  "Il est arrogant",
  "Elle est tellement arrogante",
  "T'es nul",
  "t'es nulle en estimation",
  "Tu n'es pas fiable",
  "Vous n'êtes pas très professionnelle",
  "Tu es désorganisé",
  "tu es desorganise",
  "Paresseux et démotivé",
  "Égoïste",
  "Tu as été condescendant avec le support",
  "Tu t'es montré agressif",
  "Tu avais l'air méprisant",
  "Ton code est bâclé",
  "Votre travail est bâclé",
  "Tu n'es pas un joueur d'équipe",
  "Il n'est pas un bon coéquipier",
  "Tu as un problème d'attitude",
  "Tu as une mauvaise attitude",
  "Tu manques de rigueur",
  "Vous manquez d'initiative",
  "Il manque de professionnalisme",
  "Aucune initiative",
  "Tu n'as pas d'initiative",
  "Tu as un mauvais jugement",
  "Tu te comportes comme un gamin",
  "Tu as agi comme une diva",
  "Tu es un boulet",
  "Tu as négligemment poussé sur main",
  "Tu étais sur la défensive",
  "Tu n'es pas à la hauteur",
  "Tu es trop émotif en réunion",
  "Tu es lent",
  "Tu es toujours en retard",
  "Vous êtes toujours en retard",
  "Tu interromps tout le temps",
  "Il ne répond jamais aux mails",
  "Tu n'écoutes jamais les retours",
  "Tu coupes la parole sans arrêt",
  "Tu te plains sans cesse",
  "À chaque fois que je te demande quelque chose, tu es sur la défensive",
  "Chaque fois qu'on se voit tu arrives en retard",
  "Tu arrives en retard à chaque réunion",
  "Tu critiques systématiquement les propositions",
  "Tu t'en fiches de la qualité",
  "Tu t’en fous",
  "Il s'en moque complètement",
  "Tu n'en as rien à faire",
  "Ça ne t'intéresse pas",
  "Tu ne te soucies pas des délais",
  "Tu ne respectes pas le temps des autres",
  "Il n'écoute pas",
  "Tu voulais me saboter",
  "Tu cherches à te faire remarquer",
  "Tu essayais de me discréditer",
  "Tu l'as fait exprès",
  "Tu as délibérément ignoré mon message",
  "Tu as volontairement omis le risque",
  "Tu te crois au-dessus des règles",
  "Il se prend pour le chef",
  "Tu n'as visiblement pas préparé",
  "Tu n'as pas pris son retour au sérieux",
  "Tu as essayé de tirer la couverture à toi",
  "Tu es irrespectueux envers les juniors",
  "Tu es passif-agressif",
  "Vous êtes incompétents sur ce sujet",
  "Tu es vraiment pénible en réunion",
  "Tu n'es jamais là quand on a besoin de toi",
  "tu es toujours sur ton téléphone",
  "Sam est désorganisé",
  "Tu es tête en l'air",
  "tu manques d'esprit d'équipe",
  "Tu as agi de façon irresponsable en poussant sans tests",
  "Tu as répondu de manière condescendante",
  "Ton mail était agressif",
  "Tu ne comprends pas le besoin du client",
  "Tu veux toujours avoir raison",
  "Tu manques de bon sens",
  "Tu n'as aucun sens des priorités",
];

const vaguePraise = [
  "Bravo !",
  "Bien joué",
  "Bon travail sur la démo",
  "Super travail",
  "Travail remarquable",
  "Tu es géniale",
  "Vous êtes formidable",
  "Tu as assuré",
  "Tu as assuré pendant la démo",
  "Tu as cartonné",
  "Tu es une star",
  "Tu es au top",
  "C'était parfait",
  "Chapeau",
  "Tu es brillant",
  "Excellent boulot",
  "Félicitations pour la démo",
  "Tu as été super réactive pendant l'incident",
];

const describedBehavior = [
  "Vous avez interrompu la designer trois fois pendant qu'elle présentait la maquette.",
  "Tu as fusionné la PR sans attendre la deuxième relecture.",
  "Tu es arrivé au point avec quinze minutes de retard lundi et mercredi.",
  "Tu as dit « c'est une idée stupide » quand Priya a proposé le cache.",
  "Tu as dit à Sam que son design était paresseux.",
  "Tu as écrit « tu es négligent » dans le commentaire de la PR.",
  "Tu as haussé le ton quand le client a contesté le prix.",
  "Tu n'as pas répondu au mail du client pendant trois jours.",
  "Tu as guidé la nouvelle recrue pas à pas dans le script de déploiement.",
  "Tu as rédigé le runbook de retour arrière avant que quiconque le demande.",
  "Le client était impoli et tu es resté calme.",
  "Le client était agressif, tu as reformulé ses demandes.",
  "Tu as envoyé un mail agressif au fournisseur.",
  "Tu as posé une excellente question sur le retour arrière.",
  "Tu as regardé ton téléphone pendant la plus grande partie de la démo.",
  "Tu as quitté la réunion avant la décision.",
  "Tu as levé les yeux au ciel quand Sam a présenté.",
  "Tu étais silencieux pendant la rétro.",
  "Tu étais absent à trois points sans prévenir l'équipe.",
  "Tu as publié un point d'étape dans #incident toutes les 15 minutes.",
  "Tu as relu chaque PR dans l'heure cette semaine.",
  "Tu as été à l'heure à chaque standup ce sprint.",
  "Tu as coupé la parole à Sam deux fois.",
  "Tu as envoyé le compte-rendu à 23h.",
  "Tu as fermé douze tickets sans commentaire.",
  "Tu as sauté la checklist de revue de code.",
  "Tu as pris des notes et tu les as partagées dans l'heure.",
  "Tu as signalé le problème de sécurité dans le document de conception.",
  "Tu as réattribué le ticket de Priya sans la prévenir.",
  "Tu as remercié l'équipe support par son nom devant le VP.",
  "Tu as parlé pendant 40 des 60 minutes.",
  "Tu n'as toujours pas envoyé le rapport promis lundi.",
  "Tu as assuré la permanence quand Alex était malade.",
  "Tu as géré l'escalade avec le client en gardant un ton calme.",
  "Tu as qualifié la proposition de bâclée dans le canal.",
  "Tu as utilisé le mot « paresseux » pour décrire le travail du prestataire.",
  "Tu as répondu « lis la doc » à la question de Sam.",
  "Tu as présenté une démo impeccable au comité.",
  "Tu as mis à jour le wiki après l'incident.",
  "Tu as proposé de piloter la migration et tu ne l'as pas commencée.",
  "Tu as regardé les logs avant d'appeler l'astreinte.",
  "Tu as dit que tu t'en fichais du délai.",
  "Tu as relu la PR en détail et trouvé deux bugs.",
  "Vous avez demandé l'avis de chacun avant de décider.",
  "Tu as expliqué clairement les compromis à l'équipe commerciale.",
  "Tu n'as pas expliqué clairement le plan.",
  "Tu as tapé sur ton portable pendant toute la présentation.",
  "Quand le build était cassé, tu as mis la livraison en pause et publié un message.",
  "Tu as fait une blague sur l'accent de Priya pendant le standup.",
  "Tu as été le premier à signaler la panne dans le canal.",
  "Tu as organisé un point pour attirer l'attention sur le risque.",
  "Tu as essayé de provoquer une décision avant la fin du sprint.",
  "Il était difficile de te joindre pendant l'astreinte.",
  "Tu as parlé de ton manque de motivation.",
  "Tu n'étais pas disponible pendant l'astreinte.",
  "Tu n'as pas été très clair sur les délais.",
  "Tu as fait une remarque désobligeante sur le travail de Sam.",
  "Tu as été sensible aux remarques de Sam et tu as revu le plan.",
  "Nul besoin de te rappeler la date : tu as envoyé le plan en avance.",
  "Tu as préparé chaque point de l'ordre du jour.",
  "Tu as travaillé dur sur la migration.",
  "Tu as corrigé une erreur bête dans le script.",
  "Ton changement est susceptible de casser le build de l'équipe mobile.",
  "Tu as répondu de façon sèche au client.",
  "Tu as critiqué tous les choix de Sam en public.",
  "Tu as répondu à tous les messages du client dans l'heure.",
  "Tu as été là pour chaque mise en production ce trimestre.",
  "Tu ne m'as pas écouté quand j'ai expliqué le contexte.",
  "Tu voulais finir avant vendredi, alors tu as sauté les tests.",
  "Tu as cherché à comprendre le problème du client.",
  "Tu as laissé passer un bug critique en production.",
  "Tu as fait preuve d'un peu de patience avec le client.",
  "Tu as dit en réunion que le plan de Sam n'avait aucun sens.",
  "Tu as manqué de temps pour finir les tests.",
];

const anchoredSituations = [
  "Lors de la revue de design d'hier",
  "hier",
  "Mardi",
  "mardi dernier",
  "pendant la démo",
  "Pendant le standup",
  "lors du point d'équipe",
  "À la réunion d'équipe",
  "au standup",
  "la semaine dernière",
  "la semaine derniere",
  "ce matin",
  "cet après-midi",
  "le 3 nov.",
  "le 12/03",
  "à 10h30 dans la salle de crise",
  "Dans le canal #incident",
  "Dans la PR du service de facturation",
  "Lors de notre 1:1 de lundi",
  "Pendant la planification du T3",
  "Quand vous avez présenté la roadmap au comité",
  "Quand tu es arrivé au point",
  "Après la panne",
  "Lors du lancement du projet Atlas",
  "Sur l'appel client avec Acme",
  "À Berlin",
  "Chez Acme",
  "L'autre jour dans la cuisine",
  "Il y a deux jours",
  "tout à l'heure",
  "Lors de la dernière rétro",
  "Aujourd'hui",
  "aujourd’hui",
  "Pendant la mise en prod",
  "Dans le mail d'hier soir",
  "Lors du sprint 14",
  "En début de semaine dernière",
  "Lors de l'entretien avec le candidat",
  "Devant le client",
  "Au téléphone avec le fournisseur",
  "Dans ton dernier mail",
  "Pendant ta présentation",
  "Jeudi matin",
];

const unanchoredSituations = [
  "En réunion",
  "en général",
  "pendant les réunions",
  "Souvent en revue de code",
  "Dans les démos",
  "Récemment",
  "Avec les clients",
  "Quand tu présentes",
  "Lors des points d'équipe",
  "Tout le temps",
  "À chaque réunion",
  "Dans ton travail",
  "Habituellement pendant les rétros",
];

const vagueImpacts = [
  "C'était mal",
  "Pas top",
  "Ce n'était pas ok",
  "C'était pas terrible",
  "Inacceptable",
  "Ça pose problème",
  "C'était gênant",
  "Pas idéal",
  "Ça a eu un impact négatif",
  "Mauvais effet",
  "Ça a posé un vrai souci",
  "C'était vraiment nul",
  "Bof",
  "C'était super",
  "Ce n'était pas acceptable",
];

const specificImpacts = [
  "il a été plus difficile de comprendre ses choix",
  "Priya a dû refaire les tests le lendemain",
  "Le client a rappelé deux fois pour avoir une date",
  "Ça m'a mis en difficulté devant le VP",
  "L'équipe a perdu une demi-journée à attendre la revue",
  "Le support a pu répondre aux clients sans détourner les ingénieurs du correctif",
  "la nouvelle recrue a déployé seule dès le lendemain",
  "Les autres n'ont plus osé proposer d'idées pendant la réunion",
  "J'ai dû m'excuser auprès du client",
  "Nous avons raté la fenêtre de livraison de jeudi",
  "Ça m'a fait plaisir",
  "Sam s'est senti mis de côté",
  "Ça a ralenti l'équipe de support",
];

const restatedImpacts: [string, string][] = [
  ["Vous avez interrompu la designer trois fois", "Vous avez interrompu la designer plusieurs fois"],
  ["Tu as fusionné la PR sans relecture", "La PR a été fusionnée sans relecture"],
  ["Tu es arrivé en retard au standup", "Ton arrivée en retard au standup"],
];

const vagueRequests: [string, SbiFindingCode][] = [
  ["Améliore-toi", "request-vague"],
  ["Améliorez votre communication", "request-vague"],
  ["Sois plus rigoureux", "request-vague"],
  ["Soyez meilleur", "request-vague"],
  ["Fais mieux", "request-vague"],
  ["Fais plus attention", "request-vague"],
  ["Faites des efforts", "request-vague"],
  ["Essaie de faire mieux la prochaine fois", "request-vague"],
  ["Reprends-toi", "request-vague"],
  ["Sois un bon coéquipier", "request-vague"],
  ["Communique mieux", "request-vague"],
  ["Plus de rigueur", "request-vague"],
  ["Moins d'interruptions", "request-vague"],
  ["Une meilleure préparation", "request-vague"],
  ["Continue comme ça", "request-vague"],
  ["Sois plus ponctuel", "request-vague"],
  ["Donne le meilleur de toi-même", "request-vague"],
];

const actionableRequests = [
  "Lors des prochaines revues, gardez vos questions pour la fin.",
  "Envoie le compte-rendu dans l'heure qui suit la réunion.",
  "Préviens l'équipe avant de merger sur main.",
  "À l'avenir, pose tes questions dans le fil plutôt qu'en pleine démo.",
  "Merci de prévenir Sam la veille quand tu décales un point.",
  "Ajoutez ce modèle de point d'étape au guide d'astreinte.",
  "Relis la checklist avant chaque mise en prod.",
  "Peux-tu partager tes notes dans le canal d'ici vendredi ?",
  "Demande une relecture à Alex avant de fusionner.",
  "Laisse Priya finir sa présentation avant de répondre.",
  "Pense à mettre à jour le ticket avant la passation.",
  "Réservez dix minutes en fin de point pour les questions.",
  "Prévenez-moi dès qu'un client escalade.",
  "Documenter la procédure dans le wiki.",
  "J'aimerais que tu prépares l'ordre du jour la veille.",
  "On pourrait faire un point chaque semaine.",
  "Ne coupe plus la parole pendant les démos.",
  "Sois à l'heure aux standups.",
  "Évite de répondre aux clients sans copier le support.",
];

describe("French feedback: what they did, not who they are", () => {
  it.each(characterJudgments)("flags %j", (text) => {
    expect(codes("behavior", text)).toEqual(["behavior-character"]);
  });

  it.each(vaguePraise)("flags praise that names no behavior: %j", (text) => {
    expect(codes("behavior", text, { valence: "reinforcing" })).toEqual(["behavior-character"]);
  });

  it.each(vaguePraise)("leaves a verdict alone when the feedback redirects: %j", (text) => {
    expect(codes("behavior", text)).toEqual([]);
  });

  it.each(describedBehavior)("accepts %j", (text) => {
    expect(codes("behavior", text)).toEqual([]);
    expect(codes("behavior", text, { valence: "reinforcing" })).toEqual([]);
  });

  it.each([
    ["Tu es paresseux", "paresseux", "trait"],
    ["Tu t'en fiches", "t'en fiches", "mind"],
    ["Tu es toujours en retard", "toujours", "absolute"],
    ["À chaque fois tu coupes la parole", "À chaque fois", "absolute"],
    ["Tu n'en as rien à faire", "en as rien à faire", "mind"],
    ["Tu voulais me saboter", "voulais me saboter", "mind"],
  ])("points at the words as typed in %j", (text, match, kind) => {
    const hit = sbiRulesFor("fr")
      .characterHits(text, false)
      .find((h) => h.kind === kind);
    expect(hit?.match).toBe(match);
    const [finding] = findings("behavior", text);
    expect(finding?.match).toBe(hit?.match);
  });

  it("advises in French, quoting the words in guillemets", () => {
    const cases: [string, SbiDraft["valence"], RegExp][] = [
      ["Tu es négligent", "redirecting", /pas de ce qu'elle est/],
      ["Tu t'en fiches", "redirecting", /devine ce que la personne pense/],
      ["Tu coupes toujours la parole", "redirecting", /une fois précise/],
      ["Tu es géniale", "reinforcing", /ne dit pas quoi refaire/],
    ];
    for (const [text, valence, advice] of cases) {
      const [finding] = findings("behavior", text, { valence });
      expect(finding?.message, text).toMatch(advice);
      expect(finding?.message, text).toMatch(/«\u202F.+\u202F»/);
      expect(finding?.message, text).not.toMatch(/[“”]/);
    }
  });

  it("lets praise stand next to a described behavior", () => {
    expect(
      codes("behavior", "Bravo : tu as rédigé le plan de retour arrière avant que quiconque le demande", {
        valence: "reinforcing",
      }),
    ).toEqual([]);
    expect(codes("behavior", "Tu as été impoli : tu as coupé Sam deux fois")).toEqual(["behavior-character"]);
  });

  it("reads the same judgment typed without accents, in capitals or with curly apostrophes", () => {
    for (const text of ["TU ES NEGLIGENT", "tu es negligente", "Tu t’en fiches", "Vous etes desorganises"])
      expect(codes("behavior", text), text).toEqual(["behavior-character"]);
  });

  it("asks for a behavior when there is none", () => {
    expect(codes("behavior", "")).toEqual(["behavior-missing"]);
  });
});

describe("French feedback: a situation anchored in time or place", () => {
  it.each(anchoredSituations)("accepts %j", (text) => {
    expect(codes("situation", text)).toEqual([]);
  });

  it.each(unanchoredSituations)("flags %j", (text) => {
    expect(codes("situation", text)).toEqual(["situation-no-anchor"]);
  });
});

describe("French feedback: an impact that says what it led to", () => {
  it.each(vagueImpacts)("flags the verdict %j", (text) => {
    expect(codes("impact", text)).toEqual(["impact-vague"]);
  });

  it.each(specificImpacts)("accepts %j", (text) => {
    expect(codes("impact", text)).toEqual([]);
  });

  it.each(restatedImpacts)("flags %j restated as %j", (behavior, impact) => {
    expect(codes("impact", impact, { behavior })).toEqual(["impact-restates"]);
  });
});

describe("French feedback: a request one can act on", () => {
  it.each(vagueRequests)("flags %j", (text, code) => {
    expect(codes("request", text)).toEqual([code]);
  });

  it.each(actionableRequests)("accepts %j", (text) => {
    expect(codes("request", text)).toEqual([]);
  });

  it("tells a wish from a vague action", () => {
    const [wish] = findings("request", "Plus de rigueur");
    const [vague] = findings("request", "Améliore-toi");
    expect(wish?.message).toMatch(/en commençant par le verbe/);
    expect(vague?.message).toMatch(/une seule chose faisable/);
  });

  it("lets praise ask to keep going, since the behavior says what", () => {
    expect(codes("request", "Continue comme ça", { valence: "reinforcing" })).toEqual([]);
    expect(codes("request", "Continuez ainsi !", { valence: "reinforcing" })).toEqual([]);
  });
});

describe("French feedback: the capture form's examples", () => {
  it.each(["redirecting", "reinforcing"] as const)("the %s example passes its own check", (valence) => {
    const example = sbiExamplesFor("fr")[valence];
    expect(example.valence).toBe(valence);
    const strip = (text: string) => text.replace(/…/g, " ").trim();
    const draft = {
      situation: strip(example.situation),
      behavior: strip(example.behavior),
      impact: strip(example.impact),
      request: strip(example.request),
      valence,
    };
    expect(sbiLint(draft, "fr")).toEqual([]);
    expect(sbiLint(example, "fr")).toEqual([]);
  });

  it("is written in French", () => {
    for (const example of Object.values(sbiExamplesFor("fr")))
      for (const field of sbiFields) expect(example[field]).not.toMatch(/\b(?:the|you|in|during)\b/i);
  });
});

describe("French feedback: messages", () => {
  const everything = sbiLint(
    { situation: "", behavior: "", impact: "", request: "", valence: "redirecting" },
    "fr",
  )
    .concat(
      sbiLint(
        { situation: "En réunion", behavior: "Tu es nul", impact: "Pas top", request: "Fais mieux" },
        "fr",
      ),
    )
    .concat(sbiLint({ ...good, request: "Plus de rigueur", valence: "reinforcing" }, "fr"))
    .concat(sbiLint({ ...good, request: "", valence: "reinforcing" }, "fr"))
    .concat(
      sbiLint({ ...good, behavior: "Tu es toujours en retard", impact: "Tu es toujours en retard" }, "fr"),
    );

  it("covers every finding", () => {
    expect(new Set(everything.map((f) => f.code))).toEqual(
      new Set([
        "situation-missing",
        "situation-no-anchor",
        "behavior-missing",
        "behavior-character",
        "impact-missing",
        "impact-vague",
        "impact-restates",
        "request-missing",
        "request-vague",
      ]),
    );
  });

  it.each(everything.map((f) => [f.code, f.message]))("%s is French: %j", (_code, message) => {
    expect(message).not.toMatch(
      /\b(?:Describe|Add|Say|Optional|Phrase|Ask|Anchor|e\.g\.|the|what|you|they|it)\b/,
    );
    expect(message).toMatch(/par exemple|comme|Facultatif/);
    expect(message).toMatch(/«\u202F.+\u202F»/);
    expect(message).not.toMatch(/[“”"]/);
  });
});

describe("French feedback: hostile input", () => {
  const rules = sbiRulesFor("fr");
  const odd = [
    "tu es ".repeat(2000),
    "a".repeat(10_000),
    "?!.,;:".repeat(2000),
    "«".repeat(5000),
    "« tu es nul ".repeat(1000),
    "'".repeat(10_000),
    "l'l'l'".repeat(2000),
    "-".repeat(10_000),
    "a-".repeat(5000),
    "1:".repeat(5000),
    "😀 🎉 ".repeat(2000),
    "tu es 懒惰 и ленивый كسول ".repeat(300),
    "\u0000\uFFFF\uD800",
    "toujours jamais chaque fois ".repeat(500),
  ];

  it.each(odd.map((text) => [text.slice(0, 20), text]))("answers %j… without throwing", (_label, text) => {
    expect(() => rules.situationAnchored(text)).not.toThrow();
    expect(() => rules.characterHits(text, true)).not.toThrow();
    expect(() => rules.characterHits(text, false)).not.toThrow();
    expect(() => rules.impactProblem(text, text)).not.toThrow();
    expect(() => rules.requestProblem(text, false)).not.toThrow();
    expect(
      Array.isArray(sbiLint({ situation: text, behavior: text, impact: text, request: text }, "fr")),
    ).toBe(true);
  });

  it("never throws, whatever it is given", () => {
    const word = fc.constantFrom(
      "tu",
      "t'",
      "es",
      "n'",
      "pas",
      "négligent",
      "toujours",
      "chaque",
      "fois",
      "en",
      "fiches",
      "rien",
      "à",
      "faire",
      "«",
      "»",
      "“",
      "'",
      "-",
      ",",
      ".",
      "hier",
      "il",
      "y",
      "a",
      "lors",
      "de",
      "sois",
      "plus",
      "1:1",
      "#x",
      " ",
    );
    const anyText = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: "grapheme", maxLength: 200 }),
      fc.array(word, { maxLength: 60 }).map((parts) => parts.join(" ")),
      fc.array(word, { maxLength: 60 }).map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(anyText, anyText, fc.boolean(), (a, b, reinforcing) => {
        expect(typeof rules.situationAnchored(a)).toBe("boolean");
        const hits = rules.characterHits(a, reinforcing);
        for (const hit of hits) {
          expect(hit.start).toBeLessThan(hit.end);
          expect(typeof hit.match).toBe("string");
        }
        rules.impactProblem(a, b);
        rules.requestProblem(a, reinforcing);
        expect(Array.isArray(sbiLint({ situation: a, behavior: a, impact: b, request: b }, "fr"))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
