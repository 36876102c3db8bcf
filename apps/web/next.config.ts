import { createNextConfig } from "@ultramarket/next-config";

export default createNextConfig({
  async redirects() {
    return [{ source: "/", destination: "/uz", permanent: false }];
  },
});
