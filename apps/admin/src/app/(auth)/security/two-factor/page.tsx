import { redirect } from "next/navigation";

import { isStaff } from "~/lib/roles";
import { getViewer } from "~/server/viewer";
import { TwoFactorSetup } from "./two-factor-setup";

export const metadata = { title: "Two-factor authentication" };

/** Reachable by every signed-in person, including staff whose session has not passed a second factor yet. */
export default async function TwoFactorPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in");
  return (
    <TwoFactorSetup
      state={viewer.twoFactorEnabled ? (viewer.twoFactorVerified ? "enabled" : "enabled-unverified") : "off"}
      required={isStaff(viewer.role)}
      email={viewer.email}
    />
  );
}
