export type {
  CaseFile,
  CaseRequest,
  CaseStep,
  ExpectationResult,
  RequestCase,
  RequestExpect,
  StatusExpectation,
} from "./caseTypes";
export type { CaseEngine, RoutedRequest, StatusMatch } from "./caseEngine";
export type { ReadFile } from "./buildCaseStates";
export { parseCaseFile, type ParseCaseResult } from "./parseCaseFile";
export { runConformanceCase, type RunCaseOptions } from "./runConformanceCase";
export { printExpectationResult } from "./printExpectationResult";
export { printCaseResult, printCaseProblem } from "./printCaseResult";
export { DEVIATIONS, type Deviation } from "./deviations";
export { matchRequestExpectation } from "./matchRequestExpectation";
export { createCaseEngine } from "./createCaseEngine";
