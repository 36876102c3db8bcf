import { createNextConfig } from "@ultramarket/next-config";

export default createNextConfig();
