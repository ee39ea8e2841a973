import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Attendee, classifyEvent } from "../../../lib/detection";

const SELF = "morgan.lee@acme.com";
const me: Attendee = { email: SELF, self: true, organizer: true };
const priya: Attendee = { email: "priya@acme.com", displayName: "Priya Sharma" };

const byTitle = (title: string) => classifyEvent({ title });
const withColleague = (title: string, guest: Attendee = priya) =>
  classifyEvent({ title, attendees: [me, guest], selfEmail: SELF });

/** How managers write "one-on-one", "private talk" or "check-in" with one person, language by language. */
const oneOnOnes: Record<string, string[]> = {
  English: [
    "1:1 Priya",
    "1-1 with Priya",
    "1/1 Priya",
    "1on1",
    "1to1 catch-up",
    "one:one",
    "1x1 Priya",
    "1 on 1",
    "1v1 Priya",
    "Weekly one-on-one",
  ],
  "Full-width digits": ["１：１ Priya", "１on１", "１-１ 面談"],
  German: [
    "Einzelgespräch Priya",
    "Mitarbeitergespräch",
    "1zu1 Priya",
    "Eins-zu-eins mit Priya",
    "Vier-Augen-Gespräch",
  ],
  French: ["Entretien individuel", "Point individuel avec Priya", "Tête-à-tête Priya"],
  Spanish: ["Reunión individual con Priya", "Uno a uno", "1 a 1 Priya"],
  Portuguese: ["Reunião individual", "Um a um com Priya", "Conversa individual"],
  Italian: ["Riunione individuale", "Uno a uno", "Colloquio individuale con Priya"],
  Dutch: ["Eén-op-één Priya", "1-op-1", "Functioneringsgesprek", "Individueel gesprek"],
  Polish: ["Spotkanie indywidualne", "Jeden na jeden", "1 na 1 z Priyą", "Rozmowa indywidualna"],
  Russian: [
    "Встреча один на один",
    "1 на 1 с Прией",
    "1-на-1 с Прией",
    "Индивидуальная встреча",
    "Личная встреча",
  ],
  Ukrainian: ["Віч-на-віч з Прією", "Індивідуальна зустріч", "Один на один", "1-на-1"],
  Czech: ["Schůzka jeden na jednoho", "Individuální schůzka", "Osobní pohovor"],
  Turkish: ["Birebir görüşme", "Bire bir toplantı", "Bire-bir görüşme", "Birebir Priya"],
  Finnish: ["Kahdenkeskinen keskustelu", "Kehityskeskustelu Priya", "Kahdenkeskiset"],
  Swedish: [
    "En-till-en med Priya",
    "Medarbetarsamtal",
    "Utvecklingssamtal",
    "Enskilt samtal",
    "1 till 1 med Priya",
    "1-till-1",
  ],
  Norwegian: ["En-til-en med Priya", "Medarbeidersamtale", "Én til én", "1 til 1 med Priya", "1-til-1"],
  Danish: ["En-til-en", "1 til 1 med Priya", "Medarbejdersamtale", "Udviklingssamtale med Priya"],
  Greek: ["Ένας προς έναν με Priya", "Ατομική συνάντηση", "1 προς 1"],
  Hungarian: ["Négyszemközti megbeszélés", "Egyéni beszélgetés", "Négyszemközti Priya"],
  Romanian: ["Unu la unu cu Priya", "Întâlnire individuală", "1 la 1"],
  Hebrew: ["אחד על אחד עם פריה", "פגישה אישית", "1 על 1"],
  Arabic: ["اجتماع فردي مع بريا", "لقاء فردي", "1 على 1"],
  Hindi: ["वन-ऑन-वन प्रिया", "व्यक्तिगत बैठक", "आमने-सामने"],
  Indonesian: ["Satu lawan satu dengan Priya", "Pertemuan empat mata", "1 on 1 Priya"],
  Vietnamese: ["Họp 1:1 với Priya", "Gặp riêng Priya", "Một kèm một"],
  Thai: ["คุยตัวต่อตัวกับปรียา", "คุยส่วนตัว", "1 ต่อ 1"],
  Korean: ["일대일 면담", "원온원", "1대1 미팅"],
  Japanese: ["プリヤさんと1on1", "一対一", "定例面談"],
  "Chinese (Simplified)": ["一对一沟通", "1v1沟通", "与 Priya 1对1", "单独面谈"],
  "Chinese (Traditional)": ["一對一溝通", "單獨面談", "與 Priya 1對1"],
};

describe("the phrase for a 1:1, in every supported language", () => {
  it("covers at least 25 languages", () => {
    expect(Object.keys(oneOnOnes).length).toBeGreaterThanOrEqual(25);
  });
  for (const [language, titles] of Object.entries(oneOnOnes)) {
    it.each(titles)(`${language}: %j is a 1:1, with the guests unknown or one colleague`, (title) => {
      expect(byTitle(title)).toMatchObject({ isOneOnOne: true });
      expect(withColleague(title)).toMatchObject({ isOneOnOne: true });
    });
  }
});

describe("a meeting about 1:1s is not a 1:1", () => {
  it.each([
    "1:1s",
    "Running great 1:1s",
    "Team 1-on-1s review",
    "One-on-ones: what works",
    "How to run a 1:1",
    "1:1 training for new managers",
    "Workshop: effective 1:1",
    "1:1 calibration",
    "Planning 1:1s",
    "1:1 prep",
    "Prep for 1:1",
    "Retro on our 1:1 format",
    "Webinar: one on one",
    "Schulung Mitarbeitergespräch",
    "Formation entretien individuel",
    "Capacitación 1:1",
  ])("%j", (title) => {
    expect(byTitle(title)).toMatchObject({ isOneOnOne: false });
    expect(withColleague(title)).toMatchObject({ isOneOnOne: false });
  });

  it("unless the manager's own keyword says so", () => {
    expect(classifyEvent({ title: "1:1 prep with Priya" }, { keywords: ["1:1 prep"] }).isOneOnOne).toBe(true);
  });

  it("but a 1:1 whose topic is planning or growth still is one", () => {
    expect(withColleague("1:1 Priya: Q3 planning").isOneOnOne).toBe(true);
    expect(withColleague("Growth plan 1:1").isOneOnOne).toBe(true);
    expect(withColleague("Team lead 1:1").isOneOnOne).toBe(true);
  });
});

describe("a group behind one address is not one person", () => {
  it.each<Attendee>([
    { email: "team@acme.com" },
    { email: "eng-all@acme.com" },
    { email: "all-hands@acme.com" },
    { email: "platform-team@acme.com" },
    { email: "leads@acme.com" },
    { email: "reading-club@googlegroups.com" },
    { email: "x7@acme.com", displayName: "Platform team" },
  ])("%j as the only other guest", (guest) => {
    expect(withColleague("Weekly 1:1", guest)).toMatchObject({ isOneOnOne: false });
    expect(withColleague("Weekly sync", guest)).toMatchObject({ isOneOnOne: false });
  });

  it("while a person whose address only looks short is one", () => {
    expect(withColleague("Weekly sync", { email: "dev@acme.com", displayName: "Dev Patel" }).isOneOnOne).toBe(
      true,
    );
    expect(
      withColleague("Weekly sync", { email: "p@acme.com", displayName: "Priya (Team Lead)" }).isOneOnOne,
    ).toBe(true);
  });
});

describe("adding a group word or a third person never makes a 1:1", () => {
  const words = [
    "team",
    "all hands",
    "standup",
    "training",
    "workshop",
    "1:1s",
    "how to",
    "offsite",
    "staff",
  ];
  const titles = fc.oneof(
    fc.constantFrom(
      "Weekly sync",
      "Priya / Morgan",
      "Coffee chat",
      "Review",
      "Demo",
      "Interview: Sam",
      "Focus",
      "Check-in",
      "1:1 Priya",
      "Einzelgespräch",
      "Встреча один на один",
    ),
    fc.string({ maxLength: 40 }),
  );
  const guests = fc.constantFrom<Attendee[] | undefined>(
    undefined,
    [me],
    [me, priya],
    [me, { email: "jo@coachingco.com" }],
    [me, { email: "team@acme.com" }],
  );

  it("a group word, anywhere in the title", () => {
    fc.assert(
      fc.property(
        titles,
        fc.constantFrom(...words),
        fc.boolean(),
        guests,
        fc.boolean(),
        (title, word, front, attendees, recurring) => {
          const signals = { selfEmail: SELF, recurring, ...(attendees ? { attendees } : {}) };
          const before = classifyEvent({ ...signals, title });
          const after = classifyEvent({ ...signals, title: front ? `${word} ${title}` : `${title} ${word}` });
          if (!before.isOneOnOne) expect(after.isOneOnOne).toBe(false);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("a third human guest", () => {
    fc.assert(
      fc.property(titles, guests, fc.boolean(), (title, attendees, recurring) => {
        const third: Attendee = { email: "kim@acme.com", displayName: "Kim" };
        const result = classifyEvent({
          title,
          selfEmail: SELF,
          recurring,
          attendees: [...(attendees ?? [me, priya]), third, { email: "lee@acme.com" }].slice(0, 4),
        });
        const others = [...(attendees ?? [me, priya]), third].filter((a) => a.email !== SELF).length;
        if (others >= 2) expect(result.isOneOnOne).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("when the page doesn't show who the user is", () => {
  const sam: Attendee = { email: "sam@acme.com", displayName: "Sam Lee", organizer: true };
  const two = [sam, priya];

  it("a title that says 1:1 with exactly two guests is a 1:1, with both offered to choose from", () => {
    const result = classifyEvent({ title: "1:1 Priya / Sam", attendees: two });
    expect(result.isOneOnOne).toBe(true);
    expect(result.counterpart).toBeUndefined();
    expect(result.candidates).toEqual([
      { email: "sam@acme.com", displayName: "Sam Lee" },
      { email: "priya@acme.com", displayName: "Priya Sharma" },
    ]);
  });

  it("without a 1:1 in the title, with a third guest, a team address or a known self, it isn't asked", () => {
    expect(classifyEvent({ title: "Weekly sync", attendees: two }).isOneOnOne).toBe(false);
    expect(classifyEvent({ title: "1:1", attendees: [...two, { email: "kim@acme.com" }] }).isOneOnOne).toBe(
      false,
    );
    expect(classifyEvent({ title: "1:1", attendees: [sam, { email: "team@acme.com" }] }).isOneOnOne).toBe(
      false,
    );
    expect(classifyEvent({ title: "1:1 training", attendees: two }).isOneOnOne).toBe(false);
    const known = classifyEvent({ title: "1:1", attendees: two, selfEmail: "sam@acme.com" });
    expect(known).toMatchObject({ isOneOnOne: true, counterpart: { email: "priya@acme.com" } });
    expect(known.candidates).toBeUndefined();
  });
});
