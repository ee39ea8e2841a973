import { BackupSection } from "./BackupSection";
import { CalendarSection } from "./CalendarSection";
import { DeleteEverything } from "./DeleteEverything";
import { OverridesSection } from "./OverridesSection";
import { PeopleSection } from "./PeopleSection";
import { SettingsSection } from "./SettingsSection";
import { TemplatesSection } from "./TemplatesSection";

export function OptionsApp() {
  return (
    <main className="options">
      <h1>1:1 Prep options</h1>
      <p className="quiet">
        Everything here stays in this browser, in the extension's own storage. Back it up below to move it or
        keep a copy.
      </p>
      <SettingsSection />
      <CalendarSection />
      <PeopleSection />
      <OverridesSection />
      <TemplatesSection />
      <BackupSection />
      <DeleteEverything />
    </main>
  );
}
