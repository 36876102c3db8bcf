import type { NextConfig } from "next";

export declare function createNextConfig(overrides?: NextConfig): NextConfig;
