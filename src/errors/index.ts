/**
 * The errors module: every error class with its type guard, how outside text goes into a message,
 * and the one result type of parsing.
 */
export * from "./errorClasses";
export { excerpt, redactTokens, replaceTerminalControls, serverText } from "./messageText";
export { mapParsed, parsed, parseProblem, type ParseResult } from "./parseResult";
