// Offline validation of k8s/ (there is no cluster in CI): renders the kustomization, checks every document against
// the Kubernetes OpenAPI schema (kubernetes-models: types, enums, required fields; not unknown fields), then checks
// cape-batch's own invariants. Prints one line and exits 0 when everything holds; otherwise lists every problem on
// stderr and exits 1.
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const K8S = join(ROOT, "k8s");
const CONFIG = join(ROOT, "config");
const DOCKERFILE = join(ROOT, "Dockerfile");
const POM = join(ROOT, "pom.xml");
const SECRET_EXAMPLE = "secret.example.yaml";
const PLACEHOLDER_SECRET = "CHANGE-ME";
const SENSITIVE_KEY = /pass(word)?|secret|token|credential/i;

const problems = [];
const problem = (where, message) => problems.push(`${where}: ${message}`);

/** Parses YAML text into plain objects; a syntax error is a problem, not a crash. */
function parseYaml(text, where) {
  return parseAllDocuments(text).flatMap((doc, i) => {
    if (doc.errors.length > 0) {
      doc.errors.forEach((e) => problem(`${where} (document ${i + 1})`, `YAML error: ${e.message}`));
      return [];
    }
    const value = doc.toJS();
    return value == null ? [] : [value];
  });
}

/** kubectl kustomize when kubectl exists; else the listed resource files with only images: applied. */
function render() {
  try {
    const out = execFileSync("kubectl", ["kustomize", K8S], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return { via: "kubectl kustomize", docs: parseYaml(out, "kubectl kustomize k8s/") };
  } catch (e) {
    if (e.code !== "ENOENT") {
      problem("kubectl kustomize k8s/", String(e.stderr || e.message).trim());
      return { via: "kubectl kustomize", docs: [] };
    }
  }
  console.error("validate-k8s: kubectl not found; validating the files listed in k8s/kustomization.yaml unrendered");
  const [kustomization] = parseYaml(readFileSync(join(K8S, "kustomization.yaml"), "utf8"), "k8s/kustomization.yaml");
  const docs = (kustomization?.resources ?? []).flatMap((file) =>
    parseYaml(readFileSync(join(K8S, file), "utf8"), `k8s/${file}`));
  // The one kustomize transformation the checks depend on: images: name -> newName:newTag.
  for (const doc of docs) {
    for (const c of containersOf(podSpec(doc))) {
      const image = (kustomization?.images ?? []).find((i) => i.name === c.image);
      if (image != null) c.image = `${image.newName ?? image.name}:${image.newTag ?? "latest"}`;
    }
  }
  return { via: "kustomization.yaml resources", docs };
}

const name = (doc) => `${doc?.kind ?? "?"}/${doc?.metadata?.name ?? "?"}`;

/** The model class for apiVersion/kind, e.g. batch/v1 CronJob -> kubernetes-models/batch/v1 CronJob. */
async function modelClass(doc) {
  if (typeof doc.apiVersion !== "string" || typeof doc.kind !== "string") return null;
  try {
    const module = await import(`kubernetes-models/${doc.apiVersion}`);
    return module[doc.kind] ?? null;
  } catch {
    return null;
  }
}

async function validateSchema(doc, where) {
  const Model = await modelClass(doc);
  if (Model == null) {
    problem(where, `unknown apiVersion/kind ${doc.apiVersion} ${doc.kind} (not in kubernetes-models)`);
    return;
  }
  try {
    new Model(doc).validate();
  } catch (e) {
    for (const line of String(e.message).split(/, (?=data)/)) {
      problem(where, `schema: ${line.replace(/^data/, "")}`);
    }
  }
}

/** The pod spec inside any workload kind, or null. */
function podSpec(doc) {
  switch (doc.kind) {
    case "Pod": return doc.spec;
    case "CronJob": return doc.spec?.jobTemplate?.spec?.template?.spec;
    case "Deployment": case "StatefulSet": case "DaemonSet": case "ReplicaSet": case "Job":
      return doc.spec?.template?.spec;
    default: return null;
  }
}

const containersOf = (spec) => [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];

/** Walks plain YAML data and reports every sensitive-looking key whose value is a literal. */
function findLiteralSecrets(value, where, path = []) {
  if (Array.isArray(value)) {
    value.forEach((v, i) => findLiteralSecrets(v, where, [...path, i]));
    return;
  }
  if (value == null || typeof value !== "object") return;
  for (const [key, v] of Object.entries(value)) {
    const here = [...path, key];
    // env: [{name: CAPE_DB_PASSWORD, value: "..."}] must use valueFrom (a Secret) instead.
    if (key === "value" && SENSITIVE_KEY.test(String(value.name ?? "")) && v !== "" && v != null) {
      problem(where, `env ${value.name} has a literal value; use valueFrom.secretKeyRef`);
    } else if (SENSITIVE_KEY.test(key) && (typeof v === "string" || typeof v === "number") && !isPlaceholder(v)) {
      problem(where, `${here.join(".")} holds a literal value; use an \${ENV_VAR} placeholder or a Secret`);
    }
    if (typeof v === "string" && /[?&;]password=/i.test(v)) {
      problem(where, `${here.join(".")} has a password inside a URL`);
    }
    findLiteralSecrets(v, where, here);
  }
}

/** ${NAME} with no default: the value comes from the environment, never from the file. */
const isPlaceholder = (v) => v == null || v === "" || /^\$\{[A-Z0-9_]+\}$/.test(String(v));

/** Kubernetes' own $(NAME) expansion of command/args: $$ is a literal $, $(NAME) of a defined env var expands. */
function kubernetesExpand(text, env) {
  return text.replace(/\$\$|\$\(([^)]*)\)/g, (m, varName) =>
    m === "$$" ? "$" : Object.hasOwn(env, varName) ? env[varName] : m);
}

/**
 * Runs the manager container's command with a stand-in `java` that prints its arguments, once with RUN_DATE empty
 * (nightly: today's UTC date) and once set (manual re-run), and checks the job parameters it would get.
 */
function smokeTestManagerCommand(doc, where) {
  const container = podSpec(doc)?.containers?.find((c) => c.name === "manager");
  if (container == null) {
    problem(where, "no container named manager");
    return;
  }
  const env = Object.fromEntries((container.env ?? []).filter((e) => "value" in e).map((e) => [e.name, e.value]));
  const argv = [...(container.command ?? []), ...(container.args ?? [])].map((a) => kubernetesExpand(a, env));
  const dir = mkdtempSync(join(tmpdir(), "cape-k8s-"));
  try {
    writeFileSync(join(dir, "java"), '#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done\n');
    chmodSync(join(dir, "java"), 0o755);
    const today = new Date().toISOString().slice(0, 10);
    for (const runDate of ["", "2026-11-30"]) {
      const expected = runDate || today;
      const out = execFileSync(argv[0], argv.slice(1), {
        encoding: "utf8",
        env: { PATH: `${dir}:${process.env.PATH}`, ...env, RUN_DATE: runDate },
      }).split("\n");
      for (const arg of ["-jar", "input=/data/inbox", `runDate=${expected}`, `--cape.output-dir=/data/out/${expected}`,
        "--spring.config.additional-location=file:/etc/cape/"]) {
        if (!out.includes(arg)) {
          problem(where, `with RUN_DATE="${runDate}" the command does not pass ${arg} (got: ${out.join(" ").trim()})`);
        }
      }
    }
  } catch (e) {
    problem(where, `manager command failed to run: ${String(e.stderr || e.message).trim()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function checkInvariants(docs) {
  for (const doc of docs) {
    const where = `k8s ${name(doc)}`;
    if (doc.kind === "Secret") {
      problem(where, `Secrets do not belong in the kustomization (real values would live in git); see k8s/${SECRET_EXAMPLE}`);
    }
    if (doc.kind === "CronJob") {
      if (doc.spec?.concurrencyPolicy !== "Forbid") {
        problem(where, `concurrencyPolicy is ${doc.spec?.concurrencyPolicy ?? "unset (Allow)"}; must be Forbid (one run at a time)`);
      }
      if (podSpec(doc)?.restartPolicy !== "Never") {
        problem(where, "restartPolicy must be Never (a retry is a new pod with its own exit code and log)");
      }
      smokeTestManagerCommand(doc, where);
    }
    for (const c of containersOf(podSpec(doc))) {
      if (c.resources?.limits?.memory == null) {
        problem(`${where} container ${c.name}`, "resources.limits.memory is missing");
      }
      if (typeof c.image !== "string" || !/^[^:]+\/[^:]+:[^:]+$/.test(c.image) || c.image.endsWith(":latest")) {
        problem(`${where} container ${c.name}`, `image ${c.image} is not a registry image with a fixed tag (see images: in kustomization.yaml)`);
      }
    }
    findLiteralSecrets(doc, where);
    if (doc.kind === "ConfigMap") {
      for (const [key, text] of Object.entries(doc.data ?? {})) {
        if (/\.ya?ml$/.test(key)) parseYaml(text, `${where} key ${key}`).forEach((d) => findLiteralSecrets(d, `${where} key ${key}`));
      }
    }
  }
  if (docs.length === 0) return; // rendering failed, already reported
  const configMaps = docs.filter((d) => d.kind === "ConfigMap");
  const profile = "application-kubernetes.yml";
  const copy = configMaps.map((d) => d.data?.[profile]).find((v) => v != null);
  if (copy == null) {
    problem("k8s ConfigMap", `no ConfigMap carries ${profile}`);
  } else if (copy !== readFileSync(join(CONFIG, profile), "utf8")) {
    problem("k8s/configmap.yaml", `its ${profile} differs from config/${profile}; copy the config/ file into it`);
  }
}

/** The example Secret: schema-valid, and only placeholders where a password would go. */
async function checkSecretExample() {
  const where = `k8s/${SECRET_EXAMPLE}`;
  const docs = parseYaml(readFileSync(join(K8S, SECRET_EXAMPLE), "utf8"), where);
  for (const doc of docs) {
    await validateSchema(doc, where);
    for (const [key, value] of Object.entries({ ...doc.stringData, ...doc.data })) {
      if (SENSITIVE_KEY.test(key) && value !== PLACEHOLDER_SECRET) {
        problem(where, `${key} must stay the placeholder ${PLACEHOLDER_SECRET}, never a real value`);
      }
    }
  }
  return docs.length;
}

/** config/*.yml: valid YAML, credentials only as ${ENV} placeholders. */
function checkConfigProfiles() {
  for (const file of readdirSync(CONFIG).filter((f) => /\.ya?ml$/.test(f))) {
    const where = `config/${file}`;
    parseYaml(readFileSync(join(CONFIG, file), "utf8"), where).forEach((doc) => findLiteralSecrets(doc, where));
  }
}

/** Dockerfile instructions of the last stage (the image), continuation lines joined, comments dropped. */
function finalStage(text) {
  const instructions = text.replace(/\\\r?\n/g, " ").split(/\r?\n/)
    .map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"))
    .map((l) => { const [op, ...rest] = l.split(/\s+/); return { op: op.toUpperCase(), arg: rest.join(" ") }; });
  const from = instructions.map((i) => i.op).lastIndexOf("FROM");
  return from < 0 ? [] : instructions.slice(from);
}

/** Words of a Dockerfile exec-form (JSON) or shell-form argument. */
const dockerWords = (arg) => (arg.startsWith("[") ? JSON.parse(arg) : arg.split(/\s+/));

/**
 * A java command names the class-data archive the image records (or it starts seconds slower), and only one the
 * image has (a missing archive is silently ignored by the JVM).
 */
function checkArchive(where, what, argv, archives, imageFiles) {
  const named = [...argv.matchAll(/-XX:SharedArchiveFile=(\S+)/g)].map((m) => m[1]);
  for (const archive of named) {
    if (!imageFiles.includes(archive)) problem(where, `${what} names the archive ${archive}, which the image does not contain`);
  }
  if (archives.length > 0 && named.length === 0) {
    problem(where, `${what} does not pass -XX:SharedArchiveFile=${archives[0]}, the class-data archive the image records`);
  }
}

/** The jar each container starts ("-jar <path>", in its argv or inside a shell script argument). */
function jarPaths(container) {
  const argv = [...(container.command ?? []), ...(container.args ?? [])].join(" ");
  return [...argv.matchAll(/-jar\s+(\S+)/g)].map((m) => m[1]);
}

/**
 * The image (Dockerfile) and the manifests agree, checked without a container runtime: the jar the containers start
 * is where the image puts it, the manager's /bin/sh exists in the base image, the image's user is the pods' runAsUser
 * and runAsGroup, its Java is the pom's, and it copies the jar the build produces.
 */
function checkImage(docs) {
  const where = "Dockerfile";
  const workloads = docs.filter((d) => podSpec(d) != null);
  if (!existsSync(DOCKERFILE)) {
    problem(where, "missing: the manifests run an image (cape-batch) that nothing in the repository builds");
    return;
  }
  const stage = finalStage(readFileSync(DOCKERFILE, "utf8"));
  const base = stage.find((i) => i.op === "FROM")?.arg.split(/\s+/)[0] ?? "";
  const copies = stage.filter((i) => i.op === "COPY" || i.op === "ADD")
    .map((i) => dockerWords(i.arg).filter((w) => !w.startsWith("--")))
    .map((words) => ({ sources: words.slice(0, -1), dest: words[words.length - 1] }));
  const copied = copies.flatMap((c) => c.sources.map((src) =>
    ({ src, file: c.dest.endsWith("/") ? c.dest + src.split("/").pop() : c.dest })));
  // The jar extracted in the image ("java -Djarmode=tools -jar <jar> extract --destination <dir>") and the class-data
  // archive scripts/cds.sh records for it ("cds.sh --train <dir>": <dir>/<jar name>.jsa).
  const runs = stage.filter((i) => i.op === "RUN").map((i) => i.arg);
  const extracted = runs.flatMap((arg) => [...arg.matchAll(/-jar\s+(\S+)\s+extract\s+--destination\s+(\S+)/g)])
    .map((m) => ({ src: m[1], file: `${m[2].replace(/\/$/, "")}/${m[1].split("/").pop()}` }));
  const archives = runs.flatMap((arg) => [...arg.matchAll(/cds\.sh\s+--train\s+(\S+)/g)])
    .flatMap((m) => extracted.filter((e) => e.file.startsWith(`${m[1].replace(/\/$/, "")}/`))
      .map((e) => e.file.replace(/\.jar$/, ".jsa")));
  const imageFiles = [...copied, ...extracted].map((c) => c.file).concat(archives);
  const user = stage.filter((i) => i.op === "USER").pop()?.arg ?? "root";
  const entrypoint = stage.filter((i) => i.op === "ENTRYPOINT").pop()?.arg;

  const pom = readFileSync(POM, "utf8");
  const finalName = pom.match(/<finalName>([^<]+)<\/finalName>/)?.[1];
  const javaVersion = pom.match(/<java\.version>([^<]+)<\/java\.version>/)?.[1];
  if (finalName != null && ![...copied, ...extracted].some((c) => c.src.endsWith(`target/${finalName}.jar`))) {
    problem(where, `the image does not copy target/${finalName}.jar, the jar pom.xml builds`);
  }
  if (javaVersion != null && !new RegExp(`:${javaVersion}(\\D|$)`).test(base)) {
    problem(where, `base image ${base} is not Java ${javaVersion} (pom.xml java.version)`);
  }
  if (/distroless|scratch|busybox|alpine/.test(base)) {
    problem(where, `base image ${base}: the manager needs /bin/sh and GNU date, and the jar's PostgreSQL needs glibc`);
  }
  if (entrypoint != null) {
    const jar = dockerWords(entrypoint).join(" ").match(/-jar\s+(\S+)/)?.[1];
    if (jar != null && !imageFiles.includes(jar)) problem(where, `ENTRYPOINT starts ${jar}, which the image does not contain`);
    checkArchive(where, "ENTRYPOINT", dockerWords(entrypoint).join(" "), archives, imageFiles);
  }
  const [uid, gid] = user.split(":");
  for (const doc of workloads) {
    const spec = podSpec(doc);
    for (const c of containersOf(spec)) {
      const at = `k8s ${name(doc)} container ${c.name}`;
      if (jarPaths(c).length > 0) {
        checkArchive(at, "its java command", [...(c.command ?? []), ...(c.args ?? [])].join(" "), archives, imageFiles);
      }
      for (const jar of jarPaths(c)) {
        if (!imageFiles.includes(jar)) {
          problem(at, `starts ${jar}, but the image puts the jar at ${imageFiles.filter((f) => f.endsWith(".jar")).join(", ") || "no .jar path"}`);
        }
      }
      const command = c.command?.[0];
      if (command != null && command.startsWith("/") && /distroless|scratch/.test(base)) {
        problem(at, `runs ${command}, which base image ${base} does not have`);
      }
      const runAsUser = c.securityContext?.runAsUser ?? spec.securityContext?.runAsUser;
      const runAsGroup = c.securityContext?.runAsGroup ?? spec.securityContext?.runAsGroup;
      if (runAsUser != null && String(runAsUser) !== uid) {
        problem(at, `runAsUser ${runAsUser} differs from the image's USER ${user}`);
      }
      if (runAsGroup != null && gid != null && String(runAsGroup) !== gid) {
        problem(at, `runAsGroup ${runAsGroup} differs from the image's USER ${user}`);
      }
    }
  }
  if (!/^\d+(:\d+)?$/.test(user)) {
    problem(where, `USER ${user} must be numeric, or runAsNonRoot cannot verify it`);
  }
}

const { via, docs } = render();
for (const doc of docs) await validateSchema(doc, `k8s ${name(doc)}`);
checkInvariants(docs);
checkImage(docs);
const examples = await checkSecretExample();
checkConfigProfiles();

if (problems.length > 0) {
  console.error(`k8s manifests INVALID (${problems.length} problem${problems.length === 1 ? "" : "s"}, rendered via ${via}):`);
  problems.forEach((p) => console.error(`  - ${p}`));
  process.exit(1);
}
console.log(`k8s manifests valid (${docs.length + examples} documents)`);
