import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { questionBankFor, questionLint } from "../../../lib/questions";

const lintFr = (text: string) => questionLint(text, "fr");

const closed: readonly string[] = [
  "Tout va bien ?",
  "Tout va bien?",
  "Ça va ?",
  "Ca va avec l'équipe ?",
  "Est-ce que le projet est dans les temps ?",
  "Le projet est-il dans les temps ?",
  "Es-tu content ?",
  "Êtes-vous satisfaite de votre poste ?",
  "Tu es content de ton projet ?",
  "As-tu fini la migration ?",
  "Est-ce que tu as fini la migration ?",
  "Vous avez terminé le rapport ?",
  "Peux-tu finir le rapport d'ici vendredi ?",
  "Pourriez-vous prendre la migration ?",
  "Des questions ?",
  "Autre chose ?",
  "Rien d'autre ?",
  "Y a-t-il quelque chose que je peux faire pour t'aider ?",
  "Est-ce qu'il y a des blocages ?",
  "Des blocages ?",
  "As-tu besoin de quelque chose de ma part ?",
  "Avez-vous des retours pour moi ?",
  "As-tu parlé à Sam ?",
  "Le lancement a été un succès ?",
  "Est-ce que c'est clair ?",
  "Aimes-tu travailler avec Sam ?",
  "Dois-je m'inquiéter ?",
  "On passe à la suite ?",
  "L'équipe s'est bien installée ?",
  "Alors, tu es content du projet ?",
  "Franchement, tout va bien ?",
  "Sam, des nouvelles ?",
  "Tu te sens soutenu ?",
  "Est-ce que tu es toujours motivé par ton parcours ?",
  "Tu sais comment faire ?",
  "Dis-moi si ça va",
  "Est-ce que tu es content",
  "Comment avance le projet ? Est-il dans les temps ?",
  "En pensant au mois prochain, quelque chose t'inquiète ?",
  "Tout roule ?",
  "Y a-t-il des sujets que tu veux aborder ?",
  "L'équipe s'est-elle bien installée ?",
  "Ça te va si on se voit jeudi ?",
  "On est bon pour la release ?",
  "Tu as une minute ?",
  "Pensez-vous que ce soit une bonne idée ?",
  "Parlez-vous à Sam cette semaine ?",
];

const leading: readonly string[] = [
  "Ne penses-tu pas que X est la bonne approche ?",
  "Tu ne penses pas qu'on devrait réécrire le service ?",
  "Vous ne trouvez pas que c'est mieux ainsi ?",
  "Tu trouves pas que la démo était réussie ?",
  "On livre vendredi, n'est-ce pas ?",
  "On livre vendredi, non ?",
  "C'était bien, hein ?",
  "On part sur l'option B, d'accord ?",
  "Êtes-vous d'accord que le plan est solide ?",
  "Tu es d'accord avec moi ?",
  "Ne serait-il pas mieux d'attendre ?",
  "Ce ne serait pas plus simple de tout réécrire ?",
  "Il ne vaudrait pas mieux attendre la QA ?",
  "Ne devrions-nous pas attendre la QA ?",
  "N'es-tu pas content que le lancement soit fini ?",
  "La revue s'est bien passée, pas vrai ?",
  "Pourquoi tu n'as pas utilisé la bibliothèque existante ?",
  "Pourquoi n'as-tu pas prévenu plus tôt ?",
  "Pourquoi ne pas simplement livrer ?",
  "Pourquoi pas livrer tout de suite ?",
  "Et si on coupait simplement le périmètre ?",
  "Évidemment, la date tient ?",
  "Tu n'as pas fini ?",
  "À quel point la démo était géniale ?",
  "Pourquoi vous n'avez pas répondu au client ?",
  "L'estimation était fausse, tu ne crois pas ?",
  "Tu ne crois pas que tu aurais dû prévenir ?",
];

const open: readonly string[] = [
  "Quelle est la partie la plus difficile de ton travail en ce moment ?",
  "Qu'est-ce qui te ralentit ?",
  "Qu'as-tu appris ce mois-ci ?",
  "Que veux-tu apprendre ensuite ?",
  "Comment se passe le projet de ton point de vue ?",
  "Pourquoi l'équipe a-t-elle choisi cette approche ?",
  "Où veux-tu être dans deux ans ?",
  "Ou veux-tu etre dans deux ans ?",
  "Quand t'es-tu senti fier de ton travail pour la dernière fois ?",
  "Quelle partie du projet t'inquiète le plus ?",
  "Qui t'a le plus aidé ce mois-ci ?",
  "Raconte-moi ta semaine.",
  "Racontez-moi comment s'est passée la mise en prod.",
  "Décris un moment de la semaine où tu t'es senti bloqué.",
  "Explique-moi ce qui s'est passé pendant l'incident.",
  "Aide-moi à comprendre ce qui s'est passé.",
  "Peux-tu me raconter comment ça s'est passé ?",
  "Pourriez-vous m'en dire plus ?",
  "Est-ce que tu peux me décrire le design ?",
  "Tu peux me parler de ton projet ?",
  "Si tu pouvais changer une chose, laquelle serait-ce ?",
  "Avec le recul, de quoi es-tu le plus fier ce trimestre ?",
  "Comment te sens-tu par rapport à la réorganisation ?",
  "Qu'est-ce qui en ferait un 10 ?",
  "Comment puis-je t'aider à progresser ?",
  "Alors, qu'est-ce qui te préoccupe ?",
  "Franchement, comment ça va ?",
  "Sam, comment s'est passée ta semaine ?",
  "Tu en penses quoi ?",
  "Vous en pensez quoi ?",
  "Ça se passe comment avec l'équipe ?",
  "C'est quoi le plus dur en ce moment ?",
  "À ton avis, quelle est la bonne approche ici ?",
  "Dans quelle mesure le plan correspond-il à tes objectifs ?",
  "À quel point te sens-tu proche de l'équipe ?",
  "De quoi as-tu besoin de ma part cette semaine ?",
  "Quels retours as-tu pour moi ?",
  "Quand tu penses à l'an prochain, qu'est-ce qui t'enthousiasme ?",
  "J'aimerais savoir comment s'est passé le séminaire.",
  "Qu’est-ce qui t’occupe l’esprit ces temps-ci ?",
  "Laquelle de ces options préfères-tu, et pourquoi ?",
  "Qui d'autre devrions-nous impliquer dans la décision ?",
  "Selon toi, qu'est-ce qui te sépare du niveau suivant ?",
  "Pourquoi pas ?",
  "Pourquoi le déploiement n'a-t-il pas fonctionné ?",
  "Dis-moi ce qui te bloque.",
  "Donne-moi un exemple récent.",
  "C'était comment, le séminaire ?",
  "Le séminaire, c'était comment ?",
  "Et sinon, quoi de prévu ?",
  "Quoi de neuf ?",
  "Qu est-ce qui te bloque ?",
  "Quest-ce qui te bloque ?",
  "Sur une échelle de 1 à 10, comment te sens-tu au travail ?",
  "Qu'est-ce qui t'empêcherait de dire non ?",
  "Comment pourrais-je t'aider davantage ?",
  "Pense à un moment où tu t'es senti utile : que faisais-tu ?",
];

const notQuestions: readonly string[] = [
  "",
  "   ",
  "Statut du projet",
  "Notes du séminaire.",
  "Revoir le planning avec Sam",
  "N'hésite pas à me dire si ça ne va pas.",
];

describe("questionLint in French", () => {
  it("has enough cases to mean something", () => {
    expect(closed.length + leading.length).toBeGreaterThanOrEqual(60);
    expect(open.length).toBeGreaterThanOrEqual(40);
  });

  it.each(closed)("flags a closed question: %s", (text) => {
    expect(lintFr(text)).toMatchObject({ ok: false, code: "closed" });
  });

  it.each(leading)("flags a leading question: %s", (text) => {
    expect(lintFr(text)).toMatchObject({ ok: false, code: "leading" });
  });

  it.each(open)("lets an open question pass: %s", (text) => {
    expect(lintFr(text)).toEqual({ ok: true });
  });

  it.each(notQuestions)("does not nag about notes that are not questions: %j", (text) => {
    expect(lintFr(text)).toEqual({ ok: true });
  });

  it.each(questionBankFor("fr").map((q) => [q.id, q.text] as const))(
    "passes every French bank question: %s",
    (_id, text) => {
      expect(lintFr(text)).toEqual({ ok: true });
    },
  );

  it.each([
    ["Des questions ?", "Quelles questions avez-vous\u202F?"],
    ["Des questions pour moi, Sam ? Tu as des blocages ?", "Quelles questions avez-vous\u202F?"],
    ["Autre chose ?", "Qu'avez-vous d'autre en tête\u202F?"],
    ["Est-ce que tu as des questions ?", "Quelles questions as-tu\u202F?"],
    ["La réunion t'a été utile ?", "Quel bilan tires-tu de la réunion\u202F?"],
    ["Tu as des blocages ?", "Qu'est-ce qui te ralentit en ce moment\u202F?"],
    ["As-tu besoin de quelque chose de ma part ?", "De quoi as-tu besoin de ma part cette semaine\u202F?"],
    ["Avez-vous des retours pour moi ?", "Quels retours avez-vous pour moi\u202F?"],
    ["Ça va avec l'équipe ?", "Comment ça se passe avec l'équipe\u202F?"],
    ["Tout va bien ?", "Comment ça se passe en ce moment\u202F?"],
    ["Es-tu content ?", "Comment te sens-tu au travail en ce moment\u202F?"],
    ["Êtes-vous satisfait de votre poste ?", "Comment vivez-vous votre poste\u202F?"],
    ["Le projet est-il dans les temps ?", "Où en est le projet de votre point de vue\u202F?"],
    ["Ton projet est-il dans les temps ?", "Où en est ton projet de ton point de vue\u202F?"],
    ["Est-ce que la migration est en bonne voie ?", "Où en est la migration de votre point de vue\u202F?"],
    ["As-tu fini la migration ?", "Où en es-tu avec la migration\u202F?"],
    ["Vous avez terminé le rapport ?", "Où en êtes-vous avec le rapport\u202F?"],
    ["As-tu parlé à Sam ?", "Qu'as-tu retenu de tes échanges avec Sam\u202F?"],
    ["Le lancement a été un succès ?", "Quel bilan tirez-vous du lancement\u202F?"],
    ["Est-ce que c'est clair pour toi ?", "Qu'est-ce qui reste flou pour toi\u202F?"],
    [
      "Peux-tu finir le rapport d'ici vendredi ?",
      "Qu'est-ce qu'il faudrait pour finir le rapport d'ici vendredi\u202F?",
    ],
    ["Il y a quelque chose qui te préoccupe ?", "Qu'est-ce qui te préoccupe\u202F?"],
    ["Es-tu toujours enthousiaste à propos de ton parcours ?", "Comment vis-tu ton parcours\u202F?"],
    // "du"/"des" carry the article the rewrite needs; the preposition itself goes.
    ["Es-tu content du projet ?", "Comment vis-tu le projet\u202F?"],
    ["Êtes-vous satisfait des horaires ?", "Comment vivez-vous les horaires\u202F?"],
    ["Tu es à l'aise avec l'équipe ?", "Comment vis-tu l'équipe\u202F?"],
    ["Est-ce que la release est prête ?", "Où en est la release de votre point de vue\u202F?"],
    // No subject to keep: a generic question in the same tense.
    ["Tu as vu le mail de Sam ?", "Comment ça s'est passé de ton point de vue\u202F?"],
    ["Tu as une minute ?", "Comment vois-tu les choses\u202F?"],
    ["Dois-je m'inquiéter ?", "Que proposeriez-vous\u202F?"],
    ["Pourquoi tu n'as pas prévenu ?", "Qu'est-ce qui t'en a empêché\u202F?"],
    ["Pourquoi n'avez-vous pas prévenu ?", "Qu'est-ce qui vous en a empêché\u202F?"],
    ["Tu ne penses pas qu'on devrait attendre ?", "Comment t'y prendrais-tu\u202F?"],
    ["Êtes-vous d'accord avec le plan ?", "Qu'en pensez-vous\u202F?"],
  ])("offers an open rewrite for %j", (text, rewrite) => {
    const result = lintFr(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rewrite).toBe(rewrite);
    expect(result.hint).toContain(`Essayez\u00A0: «\u202F${rewrite}\u202F»`);
  });

  it("keeps the manager's register: tu stays tu, vous stays vous", () => {
    for (const text of [
      "Es-tu content ?",
      "As-tu fini ?",
      "Pourquoi tu n'as pas répondu ?",
      "Tu vas bien ?",
    ]) {
      const result = lintFr(text);
      if (result.ok) throw new Error(text);
      expect(result.rewrite, text).not.toMatch(/\bvous\b|-vous\b|\bvotre\b/);
    }
    for (const text of ["Êtes-vous content ?", "Avez-vous fini ?", "Pourquoi n'avez-vous pas répondu ?"]) {
      const result = lintFr(text);
      if (result.ok) throw new Error(text);
      expect(result.rewrite, text).not.toMatch(/\btu\b|-tu\b|\bton\b|\bte\b/);
    }
  });

  it("offers only open single questions as rewrites, and each passes its own check", () => {
    for (const text of [...closed, ...leading]) {
      const result = lintFr(text);
      if (result.ok || !result.rewrite) continue;
      expect(result.rewrite, text).toMatch(/^[A-ZÀÂÇÉÈÊÎÔÛ][^?]*\u202F\?$/);
      expect(lintFr(result.rewrite), `${text} → ${result.rewrite}`).toEqual({ ok: true });
    }
  });

  it("offers open rewrites for whatever yes/no question it is given", () => {
    const head = fc.constantFrom(
      "Est-ce que",
      "Es-tu",
      "As-tu",
      "Avez-vous",
      "Peux-tu",
      "Tu",
      "Vous",
      "Le projet est-il",
    );
    const word = fc.constantFrom(
      ...`le la l' projet équipe démo content fini parlé à Sam des questions bien dans les temps avec de
      la migration ok pour moi besoin aide blocages succès clair prêt terminé avancé on livre`.split(/\s+/),
    );
    fc.assert(
      fc.property(head, fc.array(word, { minLength: 1, maxLength: 7 }), (h, words) => {
        const question = `${h} ${words.join(" ")} ?`;
        const result = lintFr(question);
        if (result.ok || result.rewrite === undefined) return;
        expect(result.rewrite, question).toMatch(/\u202F\?$/);
        expect(lintFr(result.rewrite), `${question} → ${result.rewrite}`).toEqual({ ok: true });
      }),
      { numRuns: 1000 },
    );
  });

  it("flags two questions asked at once, suggesting the first", () => {
    expect(lintFr("Qu'est-ce qui s'est bien passé ? Que changerais-tu ?")).toMatchObject({
      ok: false,
      code: "double",
      rewrite: "Qu'est-ce qui s'est bien passé\u202F?",
    });
  });

  it("reports the closed part of a mixed pair", () => {
    expect(lintFr("Quoi de neuf cette semaine ? Quelque chose te bloque ?")).toMatchObject({
      ok: false,
      code: "closed",
    });
  });

  it("speaks French, with French quotation marks", () => {
    for (const text of [...closed, ...leading, "Qu'as-tu appris ? Que veux-tu apprendre ?"]) {
      const result = lintFr(text);
      if (result.ok) throw new Error(text);
      expect(result.message).toMatch(/^Question (?:fermée|orientée)|^Deux questions/);
      expect(result.hint).toMatch(/Essayez\u00A0: «\u202F.+\u202F»$/);
      expect(`${result.message} ${result.hint}`).not.toMatch(
        /\b(?:Try|question:|Closed|Leading|Ask|What|How)\b/,
      );
    }
  });

  it("never throws, whatever it is given", () => {
    const piece = fc.constantFrom(
      "est-ce que",
      "qu'",
      "-tu",
      "-t-il",
      "n'",
      "pas",
      "?",
      " ?",
      ",",
      "non",
      "pourquoi",
      "si",
      "«",
      "»",
      "’",
      "é",
      "\u202F",
      " ",
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ unit: "grapheme", maxLength: 200 }),
          fc.array(piece, { maxLength: 80 }).map((parts) => parts.join("")),
        ),
        (text) => {
          const result = lintFr(text);
          expect(typeof result.ok).toBe("boolean");
          if (!result.ok) expect(result.hint.length).toBeGreaterThan(10);
        },
      ),
      { numRuns: 1000 },
    );
    expect(lintFr(undefined as unknown as string)).toEqual({ ok: true });
    expect(lintFr(null as unknown as string)).toEqual({ ok: true });
  });

  // Pathological input must not send a pattern into runaway backtracking; an answer comes back for each.
  it.each([
    ["10,000 letters", `${"a".repeat(10_000)} ?`],
    ["a run of question marks", `${"?".repeat(10_000)}x`],
    ["punctuation only", "?!.,;:«»-–—…".repeat(1000)],
    ["emoji", "😀🎉👍 ? ".repeat(2000)],
    ["mixed scripts", "Ça va ? Как дела? 你好吗？ كيف حالك؟ ".repeat(300)],
    ["commas", `${"pourquoi , , , ".repeat(3000)}non ?`],
    ["inversions", "es-tu ".repeat(5000)],
    ["tags", "n'est-ce pas ? ".repeat(2000)],
    ["long subject", `Le projet${" et le projet".repeat(2000)} est-il dans les temps ?`],
    ["apostrophes", "qu'qu'qu'".repeat(3000)],
  ])("answers %s without throwing", (_label, text) => {
    expect(typeof lintFr(text).ok).toBe("boolean");
  });
});
