import { z } from "zod/mini";

/** Text up to `max` characters: every string a message carries has a bound. */
export const shortText = (max: number) => z.string().check(z.maxLength(max));
