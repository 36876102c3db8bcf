export * from "./common";
export * from "./users";
export * from "./vendors";
export * from "./catalog";
export * from "./orders";
export * from "./mail";
export * from "./identity";
export * from "./inventory";
