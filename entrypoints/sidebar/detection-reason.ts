import { t } from "@/components/i18n";
import type { PrepBecause, PrepEvent } from "@/lib/messaging";

/**
 * Why the prep shows, in the manager's language. Words from the title or from the manager's
 * own settings are quoted as they were typed. A frame an older content script opened has no
 * `because` and keeps the English reason it was sent.
 */
export function detectionReason(event: Pick<PrepEvent, "reason" | "because">): string {
  return event.because === undefined ? event.reason : becauseText(event.because);
}

function becauseText(because: PrepBecause): string {
  switch (because.code) {
    case "unreadable":
      return t("why.unreadable");
    case "excluded":
      return t("why.excluded", [because.phrase]);
    case "about-plural":
      return t("why.aboutPlural");
    case "about-word":
      return t("why.aboutWord", [because.word]);
    case "marker":
      return t("why.marker");
    case "keyword":
      return t("why.keyword", [because.phrase]);
    case "interview":
      return t("why.interview");
    case "sales":
      return t("why.sales");
    case "group-title":
      return t("why.groupTitle");
    case "name-pair":
      return t("why.namePair");
    case "no-marker":
      return t("why.noMarker");
    case "no-other-guests":
      return t("why.noOtherGuests");
    case "group-meeting":
      return t("why.groupMeeting", because.guests);
    case "group-address":
      return t("why.groupAddress");
    case "external-guest":
      return t("why.externalGuest");
    case "one-guest": {
      const hint = oneGuestHint(because);
      return because.guest === "colleague" ? t("why.colleague", [hint]) : t("why.guest", [hint]);
    }
    case "unclear-self":
      return t("why.unclearSelf", [
        because.keyword === undefined ? t("why.marker") : t("why.keyword", [because.keyword]),
      ]);
    case "calendar-guests":
      return because.oneOther ? t("why.calendarOneGuest") : t("why.calendarNotOneGuest");
    case "opened":
      return t("why.opened");
  }
}

function oneGuestHint(because: Extract<PrepBecause, { code: "one-guest" }>): string {
  switch (because.hint) {
    case "group-title":
      return t("why.hintGroupTitle");
    case "names":
      return t("why.hintNames");
    case "regular":
      return because.words === undefined ? t("why.hintRegular") : t("why.hintWords", [because.words]);
    case "recurring":
      return t("why.hintRecurring");
    case "not-recurring":
      return t("why.hintNotRecurring");
  }
}
