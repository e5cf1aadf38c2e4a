/**
 * A user's Pulumi program directory, `<repo>/.e2e/consumer`, with the three packages installed as a
 * user gets them (packed): the product, the testing kit and the emulator. Its TypeScript is checked
 * with the tsconfig of Pulumi's own TypeScript template (`pulumi new typescript`: CommonJS,
 * `moduleResolution: "node"`, strict), or with node16/bundler resolution.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { installPackedPackage, writeProgramFiles } from "pulumi-pim-alerts-testing";
import { E2E_ROOT, REPO_ROOT } from "./packedPackage";

/** The consumer program directory. */
export const CONSUMER_DIR = path.join(E2E_ROOT, "consumer");

/** The compilerOptions of Pulumi's TypeScript template (templates/typescript/tsconfig.json). */
export const PULUMI_TEMPLATE_TSCONFIG = {
    strict: true,
    outDir: "bin",
    target: "es2020",
    module: "commonjs",
    moduleResolution: "node",
    sourceMap: true,
    experimentalDecorators: true,
    pretty: true,
    noFallthroughCasesInSwitch: true,
    noImplicitReturns: true,
    forceConsistentCasingInFileNames: true,
} as const;

/** Installs the packed packages into {@link CONSUMER_DIR} (fast when nothing changed). */
export async function ensureConsumerProgram(): Promise<string> {
    const packages = [
        REPO_ROOT,
        path.join(REPO_ROOT, "packages", "emulator"),
        path.join(REPO_ROOT, "packages", "testing"),
    ];
    const dependencies: Record<string, string> = {};
    for (const packageDir of packages) {
        const installed = await installPackedPackage({
            packageDir,
            programDir: CONSUMER_DIR,
            requiredPaths: { dist: "run `npm run build` first" },
        });
        dependencies[installed.name] = installed.version;
    }
    await writeProgramFiles(CONSUMER_DIR, { name: "consumer", dependencies });
    return CONSUMER_DIR;
}

/** The packages whose declaration files are checked along with the program. */
const OWN_PACKAGES = ["pulumi-pim-alerts", "pulumi-pim-alerts-emulator", "pulumi-pim-alerts-testing"];

/**
 * The type errors of `files` (written into the consumer directory) compiled with `compilerOptions`,
 * each as `file(line): message`: those of the files themselves and of the declaration files of this
 * repository's packages (other libraries' declarations are their authors' business, and checking
 * them all would cost ten times as much).
 *
 * @param files - file name -> TypeScript source
 * @param compilerOptions - a tsconfig's compilerOptions (JSON form)
 */
export function consumerTypeErrors(
    files: Readonly<Record<string, string>>,
    compilerOptions: Readonly<Record<string, unknown>>,
): string[] {
    const roots = Object.entries(files).map(([name, source]) => {
        const file = path.join(CONSUMER_DIR, name);
        fs.writeFileSync(file, source);
        return file;
    });
    const { options, errors } = ts.convertCompilerOptionsFromJson({ ...compilerOptions, noEmit: true }, CONSUMER_DIR);
    if (errors.length > 0)
        throw new Error(errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, "\n")).join("\n"));
    const program = ts.createProgram(roots, options);
    const own = (file: ts.SourceFile): boolean =>
        roots.includes(path.resolve(file.fileName)) ||
        OWN_PACKAGES.some((name) => file.fileName.includes(`/node_modules/${name}/`));
    const diagnostics = [
        ...program.getOptionsDiagnostics(),
        ...program.getGlobalDiagnostics(),
        ...program
            .getSourceFiles()
            .filter(own)
            .flatMap((file) => [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]),
    ];
    return diagnostics.map((d) => {
        const where = d.file
            ? `${path.relative(CONSUMER_DIR, d.file.fileName)}(${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1})`
            : "";
        return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
}
