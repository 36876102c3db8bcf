import { describeEngineContract } from "../engine.contract";
import { PostgresSearchEngine } from "./engine";

describeEngineContract("postgres", () => new PostgresSearchEngine());
