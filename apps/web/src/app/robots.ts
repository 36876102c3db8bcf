import type { MetadataRoute } from "next";

import { absoluteUrl } from "~/components/seo";

// The public URL is runtime configuration, not a build-time constant.
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/*/account"] },
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
