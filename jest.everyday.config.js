/**
 * `npm test`: jest.config.js without its "thorough" project (test/thoroughSuites.js), which `npm run test:all`
 * and `.ci/run` add. (A config of its own rather than `--selectProjects everyday`: that option would take the
 * file paths of `npm test -- <path>` for project names.)
 * @type {import('jest').Config}
 */
const { projects, ...global } = require("./jest.config.js");

module.exports = { ...global, projects: projects.filter((project) => project.displayName === "everyday") };
