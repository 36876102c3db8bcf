import { redirect } from "next/navigation";

import { getViewer } from "~/server/viewer";
import { SignInForm } from "./sign-in-form";

export const metadata = { title: "Sign in" };

export default async function SignInPage() {
  // Already signed in: the console's guard decides where to go from here.
  if (await getViewer()) redirect("/");
  return <SignInForm />;
}
