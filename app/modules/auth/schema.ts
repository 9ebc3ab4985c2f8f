import { z } from "zod";

export const loginForm = z.object({
  email: z.string().trim().min(1, "Vul uw e-mailadres in.").pipe(z.email("Vul een e-mailadres in zoals naam@voorbeeld.be.")),
  password: z.string().min(1, "Vul uw wachtwoord in.").max(200, "Dit wachtwoord is te lang."),
});
