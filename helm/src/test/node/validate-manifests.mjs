// Validates rendered Kubernetes objects against the Kubernetes and CRD schemas that the npm packages
// kubernetes-models, @kubernetes-models/keda and @kubernetes-models/prometheus-operator ship, offline.
// Input: a JSON file holding an array of objects. Output (stdout): one JSON line per object,
// {"kind", "name", "schema": "found"|"none", "errors": [...]}.
import { readFileSync } from "node:fs";

const packages = [
  { match: (group) => group === "keda.sh", module: (group, version, kind) => `@kubernetes-models/keda/${group}/${version}/${kind}` },
  { match: (group) => group === "monitoring.coreos.com", module: (group, version, kind) => `@kubernetes-models/prometheus-operator/${group}/${version}/${kind}` },
  { match: () => true, module: (group, version, kind) => `kubernetes-models/${group ? group + "/" : ""}${version}/${kind}` },
];

async function modelOf(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const source = packages.find((p) => p.match(group));
  try {
    const loaded = await import(source.module(group, version, kind));
    return loaded[kind];
  } catch (e) {
    if (e.code === "ERR_PACKAGE_PATH_NOT_EXPORTED" || e.code === "ERR_MODULE_NOT_FOUND") {
      return undefined;
    }
    throw e;
  }
}

const objects = JSON.parse(readFileSync(process.argv[2], "utf8"));
for (const object of objects) {
  const Model = await modelOf(object.apiVersion, object.kind);
  const line = { kind: object.kind, name: object.metadata?.name, schema: Model ? "found" : "none", errors: [] };
  if (Model) {
    try {
      new Model(object).validate();
    } catch (e) {
      line.errors.push(e.message);
    }
  }
  console.log(JSON.stringify(line));
}
