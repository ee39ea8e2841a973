import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { looksLikeStatusMeeting } from "@/lib/prep";

const statusHeavy: readonly string[] = [
  `- PAY-123 done
- PAY-124 in progress, ETA Friday
- PR #456 merged`,
  `Sprint 14 update:
- Checkout redesign 80% done
- API migration blocked on the platform team
- Release v2.3.1 deployed to staging`,
  `Auth service: shipped to prod on Tuesday.
Billing export: in review, should merge tomorrow.
Search indexing: on track for the end of the sprint.
Dashboard bug #889 fixed.`,
  `* [x] OPS-77 rotate certificates
* [x] OPS-78 update runbook
* [ ] OPS-81 alerting rules (WIP)
* [ ] OPS-90 cost report, ETA next week`,
  `Went through the board. WEB-301 done. WEB-305 in progress. WEB-310 blocked by design. WEB-312 not started, estimate 3 story points.`,
  `Status:
1. Data pipeline - deployed
2. Backfill job - 60% complete
3. Schema change - MR !42 waiting for review
4. Docs - todo`,
  `The migration is on track. Phase one shipped last week and phase two is at 40%.
QA found two bugs, both fixed and merged.
Next milestone is the cut-over on the 14th.`,
  `Mobile release:
- iOS build submitted, in review with Apple
- Android rollout at 20%
- Crash rate fix merged in PR 1183
- Release notes done`,
  `- INFRA-12: done
- INFRA-15: done
- INFRA-18: in progress
- INFRA-21: blocked on vendor
- INFRA-22: todo`,
  `Reviewed the sprint. Velocity was 34 points. Three tickets carried over. Deadline for the beta is still the 30th. Demo on Thursday.`,
  `Onboarding flow: 90% done, ETA Wednesday.
Email templates: done.
Analytics events: deployed, verifying in staging.`,
  `Hotfix for the login timeout deployed last night.
Root cause ticket SEC-88 opened.
Follow-up PR to add retries is in review.
Postmortem due Friday.`,
  `Updates
- Feature flag cleanup: merged
- Load test: done, p95 at 180 ms
- Cache layer: in progress
- Rate limiting: blocked on API gateway upgrade`,
  `#1201 closed, #1204 in progress, #1210 needs review.
The sprint goal is on track.
Released v1.8.0 to production on Monday.`,
  `Project Atlas:
- design doc done
- backend endpoints 70%
- frontend started, ETA end of month
- integration tests todo`,
  `Q3 roadmap items: search (shipped), exports (in progress, 50%), SSO (blocked on legal review), audit log (not started). Next steps: finish exports by EOW.`,
  `- Fixed flaky tests in CI
- Merged the logging refactor (PR #77)
- Deployed the new worker pool
- Started on DATA-45`,
  `Backlog grooming done. Top of sprint: CORE-501, CORE-502, CORE-507. CORE-499 slipped to next sprint, ETA unchanged. Staging deploy green.`,
  `Contract renewal: done.
Vendor onboarding: in progress, 3 of 5 steps complete.
Security review: scheduled, ETA two weeks.
Invoice backlog: cleared.`,
  `Checked in on the launch checklist. Docs done. Translations 85%. Marketing page merged. Launch still on track for the 12th, deploy window booked.`,
  `Status update
PLAT-1 done
PLAT-2 done
PLAT-3 in progress
PLAT-4 in review`,
  `Incident follow-ups: INC-32 action items 4/5 done, remaining one blocked on the DB team. Alert thresholds merged. Runbook updated and deployed.`,
];

const personFocused: readonly string[] = [
  `Sam feels stretched thin this month.
Wants to learn more about system design.
Frustrated that reviews take so long, but excited about the new team.`,
  `Talked about career goals. She wants to move toward a staff role in two years.
We agreed on one growth goal for the quarter: lead the design of the search project.
I'll look for a mentor outside the team.`,
  `Happiness 6/10. What would make it a 10: fewer context switches and more time for deep work.
Learned a lot about Kubernetes this month.
Wants to learn public speaking next.`,
  `Feedback for me: I jump into solutions too quickly in design reviews.
They would like more space to think before I weigh in.
I thanked them and will try holding my view until the end.`,
  `Family situation: parent in hospital, may need time off next month.
Told them to take what they need; we will cover.
Checked in on how they are sleeping and managing stress.`,
  `Gave SBI feedback on the design review: interrupted the designer several times, which made it hard to hear her rationale.
He took it well and wants to practise holding questions to the end.
Asked how he feels about the team dynamic.`,
  `Still excited about the path toward management.
Wants a chance to run the team's planning next quarter as a stretch.
Worried about losing hands-on skills; we talked about balance.`,
  `Feels proud of the launch and wants the team recognized.
Energy is lower lately; the on-call weeks are draining.
Would like to explore a rotation onto the platform team to grow.`,
  `Quiet this week. Said she feels isolated working remotely.
We talked about what would help her feel more connected.
Idea: pair once a week with someone on the team.`,
  `Career conversation.
Aspirations: wants to become the go-to person for performance.
Strongest at debugging; gap is writing design docs.
Plan: write the caching design doc this quarter, with a senior engineer as mentor.`,
  `Asked what the hardest part of the job is right now: saying no to requests from other teams.
We practised a few ways to push back kindly.
He feels more confident already.`,
  `Burnout risk: working late most nights, tired and short with people in standup.
We agreed to drop one project and protect focus time.
She was relieved and a bit emotional.`,
  `Promotion talk. The senior role expects design, mentoring and delivery.
She is strong at delivery; mentoring is the gap.
Evidence: pairs regularly with the new hire and a mentee ships a feature.`,
  `Discussed his interest in machine learning.
He is taking an online course and enjoying it.
Goal: apply it to the ranking work next quarter.`,
  `Conflict with Alex in code reviews is wearing on her.
She feels her comments get dismissed.
I will talk to Alex; she wants to try a direct conversation first.`,
  `New parent, back from leave. Easing back in.
Wants flexible hours for the next two months.
Concerned about missing out on interesting work; we picked one project to keep her involved.`,
  `Great energy today. Excited about mentoring the interns.
Wants feedback on how he explains things.
Learned that he enjoys teaching more than he expected.`,
  `Asked what success looks like this quarter: leading a project end to end and feeling trusted to make calls.
Growth plan updated with that goal.
Next checkpoint in a month.`,
  `He shared he has been anxious about the reorg.
We talked about what is known and what is not.
He appreciated the honesty and wants to be involved in shaping the new team.`,
  `Happiness score 8. Enjoying the work and the people.
Wants to grow into a tech lead role.
Feedback for me: keep the 1:1s even when busy; cancelling felt like low priority.`,
  `Motivation is down since the project was cancelled.
Talked about what kind of work energizes her: user-facing problems and fast feedback.
We will look for a project like that next quarter.`,
  `Reflected on the last six months: proud of how much she has learned.
Still unsure about the management path versus staying hands-on.
Agreed to try leading the next planning session as an experiment.`,
];

describe("looksLikeStatusMeeting", () => {
  it("has enough examples on both sides", () => {
    expect(statusHeavy.length).toBeGreaterThanOrEqual(20);
    expect(personFocused.length).toBeGreaterThanOrEqual(20);
  });

  it.each(statusHeavy)("flags status-heavy notes: %s", (notes) => {
    const verdict = looksLikeStatusMeeting(notes);
    expect(verdict.status).toBe(true);
    expect(verdict.score).toBeGreaterThanOrEqual(0.5);
    expect(verdict.reason).toMatch(/project updates/);
  });

  it.each(personFocused)("leaves person-focused notes alone: %s", (notes) => {
    expect(looksLikeStatusMeeting(notes).status).toBe(false);
  });

  it.each([
    "",
    "   \n  ",
    "PAY-123 done",
    "PAY-123 done, PAY-124 in progress, PR #456 merged, ETA Friday, sprint on track, 80% deployed",
    "- PAY-1 done\n- PAY-2 done",
  ])("does not judge notes too short to tell: %j", (notes) => {
    expect(looksLikeStatusMeeting(notes)).toMatchObject({ status: false, score: 0 });
  });

  it("does not flag a mix where the person gets real time", () => {
    const notes = `PAY-123 done, PAY-124 in progress.
Release v2 deployed.
Feels frustrated about on-call load.
Wants to learn more about the billing domain.
Career: interested in a tech lead path.`;
    expect(looksLikeStatusMeeting(notes).status).toBe(false);
  });

  it("scores between 0 and 1, higher for more status", () => {
    const some = looksLikeStatusMeeting(
      `PAY-1 done.\nPAY-2 merged.\nFeels good about the team.\nWants to grow.`,
    );
    const all = looksLikeStatusMeeting(statusHeavy[0] ?? "");
    expect(some.score).toBeGreaterThanOrEqual(0);
    expect(all.score).toBeLessThanOrEqual(1);
    expect(all.score).toBeGreaterThan(some.score);
  });

  it("never throws and always answers in range", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (notes) => {
        const verdict = looksLikeStatusMeeting(notes);
        expect(typeof verdict.status).toBe("boolean");
        expect(verdict.score).toBeGreaterThanOrEqual(0);
        expect(verdict.score).toBeLessThanOrEqual(1);
      }),
    );
    expect(looksLikeStatusMeeting(undefined as unknown as string).status).toBe(false);
    expect(looksLikeStatusMeeting(42 as unknown as string).status).toBe(false);
  });

  // Pathological input must not send a pattern into runaway backtracking; its cost is benched, not timed here.
  it("reads the longest and most repetitive notes", () => {
    const long = `${statusHeavy.join("\n")}\n`.repeat(400);
    expect(looksLikeStatusMeeting(long).status).toBe(true);
    expect(looksLikeStatusMeeting("a".repeat(200_000)).status).toBe(false);
    for (const odd of [`1${".1".repeat(100_000)}`, `${"#".repeat(100_000)}1`, "- \n".repeat(100_000)])
      expect(typeof looksLikeStatusMeeting(odd).status).toBe("boolean");
  });
});
