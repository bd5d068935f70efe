#!/usr/bin/env node
// Offline check of Trunkline's Kubernetes manifests, run by .ci/check-deployment.
//
//   node validate.mjs PATH...      validate every *.yaml / *.yml under each PATH (files or folders, recursively)
//   node validate.mjs --self-test  feed the validator broken manifests and require that it rejects every one
//
// Per document: YAML syntax (duplicate keys included), then the kubernetes-models class for its apiVersion/kind
// (import { Deployment } from 'kubernetes-models/apps/v1/Deployment', found from the document's own apiVersion and
// kind) and its .validate(): types, enums and required fields. An apiVersion/kind it has no class for is an error.
// It does NOT catch unknown (misspelt) fields: the models' schemas allow them.
//
// Across documents, what no schema can see: kustomization.yaml's files exist and cover every manifest (only files
// under an examples/ folder may stay out); selectors match pod labels; names referenced by HPAs, env and envFrom
// exist; probes name a declared port; every container has probes and resources; Secrets hold only REPLACE_ME
// placeholders; and the worker HPA respects maxReplicas x TRUNKLINE_WORKER_CONCURRENCY <= TRUNKLINE_KAFKA_PARTITIONS.
//
// Exit status: 0 valid, 1 invalid (every problem is printed), 2 usage error.

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { parseAllDocuments } from 'yaml';

const PLACEHOLDER = 'REPLACE_ME';
const WORKER = 'provisioning-worker';
const WORKER_CONCURRENCY_DEFAULT = 4; // worker.yml: ${TRUNKLINE_WORKER_CONCURRENCY:4}
const PARTITIONS_DEFAULT = 12; // worker.yml: ${TRUNKLINE_KAFKA_PARTITIONS:12}

const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
const KUSTOMIZATION_FIELDS = new Set([
	'apiVersion', 'kind', 'metadata', 'resources', 'components', 'namespace', 'namePrefix', 'nameSuffix', 'labels',
	'commonLabels', 'commonAnnotations', 'images', 'replicas', 'patches', 'patchesStrategicMerge', 'patchesJson6902',
	'configMapGenerator', 'secretGenerator', 'generatorOptions', 'crds', 'generators', 'transformers', 'validators',
	'openapi', 'buildMetadata', 'replacements', 'vars', 'helmCharts', 'helmGlobals', 'sortOptions',
]);

// ---------------------------------------------------------------------------------------------------------------
// Loading

function yamlFilesUnder(path) {
	const stat = statSync(path);
	if (stat.isFile()) {
		return [resolve(path)];
	}
	const files = [];
	for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
		const child = join(path, entry.name);
		if (entry.isDirectory()) {
			if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) {
				files.push(...yamlFilesUnder(child));
			}
		}
		else if (/\.ya?ml$/.test(entry.name) || entry.name === 'Kustomization') {
			files.push(resolve(child));
		}
	}
	return files;
}

function loadDocuments(file, problems) {
	const docs = [];
	let parsed;
	try {
		parsed = parseAllDocuments(readFileSync(file, 'utf8'), { prettyErrors: true, uniqueKeys: true });
	}
	catch (e) {
		problems.push({ where: file, message: `cannot parse: ${e.message}` });
		return docs;
	}
	if (!Array.isArray(parsed)) { // an empty stream
		parsed = [parsed];
	}
	parsed.forEach((doc, i) => {
		const where = parsed.length > 1 ? `${file} (document ${i + 1})` : file;
		if (doc.errors && doc.errors.length) {
			for (const e of doc.errors) {
				problems.push({ where, message: `YAML: ${e.message.split('\n')[0]}` });
			}
			return;
		}
		const value = doc.toJS();
		if (value === null || value === undefined) {
			return; // an empty document, e.g. after a trailing ---
		}
		if (typeof value !== 'object' || Array.isArray(value)) {
			problems.push({ where, message: 'a manifest must be a mapping (apiVersion, kind, metadata, ...)' });
			return;
		}
		docs.push({ file, where, index: i, value });
	});
	return docs;
}

// ---------------------------------------------------------------------------------------------------------------
// Per document: the kubernetes-models class and its schema

const modelModules = new Map();

async function modelFor(apiVersion, kind) {
	if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !apiVersion || !kind) {
		return { error: 'apiVersion and kind must both be set, as strings' };
	}
	const parts = apiVersion.split('/');
	const [group, version] = parts.length === 2 ? parts : ['', parts[0]];
	if (parts.length > 2 || !/^v[0-9]+((alpha|beta)[0-9]+)?$/.test(version) || !/^[a-z0-9.-]*$/.test(group)
			|| !/^[A-Za-z][A-Za-z0-9]*$/.test(kind)) {
		return { error: `malformed apiVersion/kind "${apiVersion}" / "${kind}"` };
	}
	const specifier = group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`;
	if (!modelModules.has(specifier)) {
		modelModules.set(specifier, import(specifier).catch(() => null));
	}
	const module = await modelModules.get(specifier);
	const Model = module && Object.hasOwn(module, kind) ? module[kind] : undefined;
	// Only top-level resources carry their own apiVersion and kind (DeploymentSpec, say, is no kind).
	if (typeof Model !== 'function' || Model.apiVersion !== apiVersion || Model.kind !== kind) {
		return { error: `unknown apiVersion/kind "${apiVersion}" / "${kind}": kubernetes-models has no such resource` };
	}
	return { Model };
}

function describe(doc) {
	const v = doc.value;
	return `${v.kind || '?'}/${(v.metadata && v.metadata.name) || '?'}`;
}

async function validateSchema(doc, problems) {
	const { apiVersion, kind, metadata } = doc.value;
	const { Model, error } = await modelFor(apiVersion, kind);
	if (error) {
		problems.push({ where: doc.where, message: error });
		return;
	}
	try {
		new Model(doc.value).validate();
	}
	catch (e) {
		const details = Array.isArray(e.errors) && e.errors.length
			? e.errors.map((x) => `${x.instancePath || '/'} ${x.message}`
				+ (x.params && x.params.allowedValues ? ` (${x.params.allowedValues.join(', ')})` : ''))
			: [e.message];
		for (const d of details) {
			problems.push({ where: `${doc.where} ${describe(doc)}`, message: d });
		}
	}
	if (!metadata || typeof metadata.name !== 'string' || !metadata.name) {
		problems.push({ where: doc.where, message: `${kind} has no metadata.name` });
	}
}

// ---------------------------------------------------------------------------------------------------------------
// kustomization.yaml

function isKustomization(doc) {
	return doc.value.kind === 'Kustomization'
		&& typeof doc.value.apiVersion === 'string'
		&& doc.value.apiVersion.startsWith('kustomize.config.k8s.io/');
}

function checkKustomization(doc, problems, covered) {
	const k = doc.value;
	const dir = dirname(doc.file);
	const where = doc.where;
	if (!KUSTOMIZATION_FILES.includes(basename(doc.file))) {
		problems.push({ where, message: `a Kustomization must be named kustomization.yaml` });
	}
	for (const key of Object.keys(k)) {
		if (!KUSTOMIZATION_FIELDS.has(key)) {
			problems.push({ where, message: `unknown Kustomization field "${key}"` });
		}
	}
	const listed = [];
	const list = (field, value) => {
		if (value === undefined) {
			return;
		}
		if (!Array.isArray(value)) {
			problems.push({ where, message: `${field} must be a list` });
			return;
		}
		value.forEach((entry, i) => listed.push({ field: `${field}[${i}]`, entry }));
	};
	list('resources', k.resources);
	list('components', k.components);
	list('crds', k.crds);
	list('patchesStrategicMerge', k.patchesStrategicMerge);
	for (const [i, p] of (Array.isArray(k.patches) ? k.patches : []).entries()) {
		if (p && p.path !== undefined) {
			listed.push({ field: `patches[${i}].path`, entry: p.path });
		}
	}
	if (!Array.isArray(k.resources) || k.resources.length === 0) {
		problems.push({ where, message: 'resources must list at least one manifest' });
	}
	const seen = new Set();
	for (const { field, entry } of listed) {
		if (typeof entry !== 'string' || !entry) {
			problems.push({ where, message: `${field} must be a relative path` });
			continue;
		}
		if (/^[a-z]+:\/\//i.test(entry) || entry.startsWith('github.com/')) {
			problems.push({ where, message: `${field} "${entry}" is remote: keep every manifest in this repository` });
			continue;
		}
		const target = resolve(dir, entry);
		if (seen.has(target)) {
			problems.push({ where, message: `${field} "${entry}" is listed twice` });
		}
		seen.add(target);
		if (!existsSync(target)) {
			problems.push({ where, message: `${field} "${entry}" does not exist` });
			continue;
		}
		if (statSync(target).isDirectory()) {
			if (!KUSTOMIZATION_FILES.some((name) => existsSync(join(target, name)))) {
				problems.push({ where, message: `${field} "${entry}" is a folder without a kustomization.yaml` });
			}
			covered.dirs.add(target);
		}
		else {
			covered.files.add(target);
		}
	}
	for (const [i, image] of (Array.isArray(k.images) ? k.images : []).entries()) {
		if (!image || typeof image.name !== 'string' || !image.name) {
			problems.push({ where, message: `images[${i}] has no name` });
		}
	}
}

// ---------------------------------------------------------------------------------------------------------------
// Across documents

function labelsMatch(selector, labels) {
	const wanted = Object.entries(selector || {});
	return wanted.length > 0 && wanted.every(([key, value]) => labels && labels[key] === value);
}

function podSpecs(docs) {
	return docs
		.filter((d) => ['Deployment', 'StatefulSet', 'DaemonSet'].includes(d.value.kind))
		.map((d) => ({ doc: d, template: (d.value.spec && d.value.spec.template) || {} }));
}

function checkAcross(docs, problems) {
	const named = (kind, name) => docs.find((d) => d.value.kind === kind && d.value.metadata
		&& d.value.metadata.name === name);
	const workloads = podSpecs(docs);
	const note = (doc, message) => problems.push({ where: `${doc.where} ${describe(doc)}`, message });

	for (const { doc, template } of workloads) {
		const spec = doc.value.spec || {};
		const labels = (template.metadata && template.metadata.labels) || {};
		if (!spec.selector || !labelsMatch(spec.selector.matchLabels, labels)) {
			note(doc, 'spec.selector.matchLabels must be non-empty and match spec.template.metadata.labels');
		}
		const pod = template.spec || {};
		for (const c of [...(pod.initContainers || []), ...(pod.containers || [])]) {
			const ports = new Set((c.ports || []).flatMap((p) => [p.name, p.containerPort]).filter((p) => p !== undefined));
			const isInit = (pod.initContainers || []).includes(c);
			if (!isInit) {
				for (const probe of ['livenessProbe', 'readinessProbe']) {
					if (!c[probe]) {
						note(doc, `container ${c.name} has no ${probe}`);
					}
				}
			}
			for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
				const port = c[probe] && (c[probe].httpGet || c[probe].tcpSocket || {}).port;
				if (port !== undefined && !ports.has(port)) {
					note(doc, `container ${c.name}: ${probe} uses port ${port}, which it does not declare`);
				}
			}
			const r = c.resources || {};
			for (const [part, key] of [['requests', 'cpu'], ['requests', 'memory'], ['limits', 'memory']]) {
				if (!r[part] || r[part][key] === undefined) {
					note(doc, `container ${c.name} has no resources.${part}.${key}`);
				}
			}
			for (const from of c.envFrom || []) {
				if (from.configMapRef && !from.configMapRef.optional && !named('ConfigMap', from.configMapRef.name)) {
					note(doc, `container ${c.name}: envFrom ConfigMap "${from.configMapRef.name}" is not defined`);
				}
				if (from.secretRef && !from.secretRef.optional && !named('Secret', from.secretRef.name)) {
					note(doc, `container ${c.name}: envFrom Secret "${from.secretRef.name}" is not defined`);
				}
			}
			for (const e of c.env || []) {
				const ref = e.valueFrom && (e.valueFrom.secretKeyRef || e.valueFrom.configMapKeyRef);
				if (!ref) {
					continue;
				}
				const kind = e.valueFrom.secretKeyRef ? 'Secret' : 'ConfigMap';
				const target = named(kind, ref.name);
				const keys = target ? new Set([...Object.keys(target.value.data || {}),
					...Object.keys(target.value.stringData || {})]) : new Set();
				if (!target) {
					note(doc, `env ${e.name}: ${kind} "${ref.name}" is not defined (an examples/ manifest counts)`);
				}
				else if (!keys.has(ref.key)) {
					note(doc, `env ${e.name}: ${kind} "${ref.name}" has no key "${ref.key}"`);
				}
			}
		}
	}

	for (const doc of docs.filter((d) => d.value.kind === 'Service')) {
		const selector = doc.value.spec && doc.value.spec.selector;
		if (selector && !workloads.some(({ template }) => labelsMatch(selector, (template.metadata || {}).labels))) {
			note(doc, 'spec.selector matches no pod template here');
		}
	}
	for (const doc of docs.filter((d) => d.value.kind === 'PodDisruptionBudget')) {
		const selector = doc.value.spec && doc.value.spec.selector;
		if (!selector || !workloads.some(({ template }) => labelsMatch(selector.matchLabels,
			(template.metadata || {}).labels))) {
			note(doc, 'spec.selector.matchLabels matches no pod template here');
		}
	}
	for (const doc of docs.filter((d) => d.value.kind === 'HorizontalPodAutoscaler')) {
		const spec = doc.value.spec || {};
		const ref = spec.scaleTargetRef;
		if (!ref) {
			continue; // the schema check has reported it
		}
		const target = named(ref.kind, ref.name);
		if (!target) {
			note(doc, `scaleTargetRef ${ref.kind}/${ref.name} is not defined here`);
			continue;
		}
		const min = spec.minReplicas === undefined ? 1 : spec.minReplicas;
		if (min > spec.maxReplicas) {
			note(doc, `minReplicas ${min} exceeds maxReplicas ${spec.maxReplicas}`);
		}
		const replicas = target.value.spec && target.value.spec.replicas;
		if (replicas !== undefined && (replicas < min || replicas > spec.maxReplicas)) {
			note(doc, `${ref.name} starts at ${replicas} replicas, outside the HPA's ${min}..${spec.maxReplicas}`);
		}
		if (ref.name === WORKER) {
			checkWorkerScaling(doc, target, spec.maxReplicas, docs, note);
		}
	}

	for (const doc of docs.filter((d) => d.value.kind === 'Secret')) {
		for (const field of ['stringData', 'data']) {
			for (const [key, value] of Object.entries(doc.value[field] || {})) {
				if (value !== PLACEHOLDER) {
					note(doc, `${field}.${key} must be the placeholder ${PLACEHOLDER}: no real secret belongs in git`);
				}
			}
		}
	}
}

// Kafka gives each partition to one consumer of the group; every worker pod runs TRUNKLINE_WORKER_CONCURRENCY
// consumers. More consumers than partitions only sit idle.
function checkWorkerScaling(hpa, deployment, maxReplicas, docs, note) {
	const containers = ((deployment.value.spec.template || {}).spec || {}).containers || [];
	const env = new Map();
	for (const c of containers) {
		for (const from of c.envFrom || []) {
			const source = from.configMapRef && docs.find((d) => d.value.kind === 'ConfigMap'
				&& d.value.metadata && d.value.metadata.name === from.configMapRef.name);
			for (const [key, value] of Object.entries((source && source.value.data) || {})) {
				env.set(key, value);
			}
		}
		for (const e of c.env || []) {
			if (e.value !== undefined) {
				env.set(e.name, e.value);
			}
		}
	}
	const number = (key, fallback) => {
		const value = env.has(key) ? Number(env.get(key)) : fallback;
		if (!Number.isInteger(value) || value < 1) {
			note(hpa, `${key} of ${WORKER} must be a positive integer, not "${env.get(key)}"`);
			return undefined;
		}
		return value;
	};
	const concurrency = number('TRUNKLINE_WORKER_CONCURRENCY', WORKER_CONCURRENCY_DEFAULT);
	const partitions = number('TRUNKLINE_KAFKA_PARTITIONS', PARTITIONS_DEFAULT);
	if (concurrency && partitions && maxReplicas * concurrency > partitions) {
		note(hpa, `maxReplicas ${maxReplicas} x TRUNKLINE_WORKER_CONCURRENCY ${concurrency} = `
			+ `${maxReplicas * concurrency} consumers for ${partitions} partitions: at most `
			+ `${Math.floor(partitions / concurrency)} replicas can all be busy`);
	}
}

// ---------------------------------------------------------------------------------------------------------------

export async function validatePaths(paths) {
	const problems = [];
	const files = [...new Set(paths.flatMap((p) => yamlFilesUnder(p)))];
	const docs = files.flatMap((f) => loadDocuments(f, problems));
	const covered = { files: new Set(), dirs: new Set() };
	const kustomizations = docs.filter(isKustomization);
	for (const doc of docs) {
		if (isKustomization(doc)) {
			checkKustomization(doc, problems, covered);
		}
		else {
			await validateSchema(doc, problems);
		}
	}
	if (kustomizations.length > 0) {
		const kustomizationFiles = new Set(kustomizations.map((d) => d.file));
		for (const file of files) {
			const inExamples = file.split(sep).includes('examples');
			const inListedDir = [...covered.dirs].some((d) => file.startsWith(d + sep));
			if (!kustomizationFiles.has(file) && !covered.files.has(file) && !inExamples && !inListedDir) {
				problems.push({ where: file, message: 'not listed in any kustomization.yaml (only examples/ may stay out)' });
			}
		}
	}
	checkAcross(docs.filter((d) => !isKustomization(d)), problems);
	return { files, docs, problems };
}

function report(label, { files, docs, problems }) {
	const cwd = process.cwd();
	const show = (s) => s.split(cwd + sep).join('');
	if (problems.length) {
		console.error(`${label}: INVALID, ${problems.length} problem(s):`);
		for (const p of problems) {
			console.error(`  ${show(p.where)}: ${p.message}`);
		}
		return false;
	}
	const kinds = {};
	for (const d of docs) {
		kinds[d.value.kind] = (kinds[d.value.kind] || 0) + 1;
	}
	console.log(`${label}: OK, ${docs.length} documents in ${files.length} files `
		+ `(${Object.entries(kinds).map(([k, n]) => `${n} ${k}`).join(', ')})`);
	return true;
}

// ---------------------------------------------------------------------------------------------------------------
// --self-test: each case is a small folder of manifests that must be rejected with a matching message.

const GOOD_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: example/web:1
          ports: [{name: http, containerPort: 8080}]
          resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 128Mi}}
          livenessProbe: {httpGet: {path: /live, port: http}}
          readinessProbe: {httpGet: {path: /ready, port: http}}
`;

const WORKER_SET = (maxReplicas, concurrency) => `apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
data: {TRUNKLINE_KAFKA_PARTITIONS: "12"}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${WORKER}}
spec:
  replicas: 3
  selector: {matchLabels: {app: w}}
  template:
    metadata: {labels: {app: w}}
    spec:
      containers:
        - name: w
          image: example/w:1
          ports: [{name: actuator, containerPort: 8081}]
          envFrom: [{configMapRef: {name: cfg}}]
          env: [{name: TRUNKLINE_WORKER_CONCURRENCY, value: "${concurrency}"}]
          resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 128Mi}}
          livenessProbe: {httpGet: {path: /live, port: actuator}}
          readinessProbe: {httpGet: {path: /ready, port: actuator}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: ${WORKER}}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${WORKER}}
  minReplicas: 3
  maxReplicas: ${maxReplicas}
`;

const SELF_TEST_CASES = [
	{ name: 'a valid Deployment (control: must pass)', files: { 'd.yaml': GOOD_DEPLOYMENT }, expect: null },
	{ name: 'a valid worker scaled within its partitions (control: must pass)',
		files: { 'w.yaml': WORKER_SET(12, 1) }, expect: null },
	{ name: 'unknown kind', files: { 'd.yaml': GOOD_DEPLOYMENT.replace('kind: Deployment', 'kind: Deploymnet') },
		expect: /unknown apiVersion\/kind/ },
	{ name: 'unknown apiVersion', files: { 'd.yaml': GOOD_DEPLOYMENT.replace('apps/v1', 'apps/v9') },
		expect: /unknown apiVersion\/kind/ },
	{ name: 'a sub-object used as a kind', files: { 'd.yaml': GOOD_DEPLOYMENT.replace('kind: Deployment', 'kind: DeploymentSpec') },
		expect: /unknown apiVersion\/kind/ },
	{ name: 'missing required field (spec.selector)',
		files: { 'd.yaml': GOOD_DEPLOYMENT.replace('  selector: {matchLabels: {app: web}}\n', '') },
		expect: /must have required property 'selector'|must have required property selector/ },
	{ name: 'missing required field (container name)',
		files: { 'd.yaml': GOOD_DEPLOYMENT.replace('- name: web\n          image:', '- image:') },
		expect: /must have required property 'name'|must have required property name/ },
	{ name: 'wrong type (replicas: "two")', files: { 'd.yaml': GOOD_DEPLOYMENT.replace('replicas: 2', 'replicas: "two"') },
		expect: /\/spec\/replicas must be integer/ },
	{ name: 'wrong type (containerPort: "http")',
		files: { 'd.yaml': GOOD_DEPLOYMENT.replace('containerPort: 8080', 'containerPort: "http"') },
		expect: /containerPort must be integer/ },
	{ name: 'YAML syntax error', files: { 'd.yaml': GOOD_DEPLOYMENT.replace('replicas: 2', 'replicas: [2') },
		expect: /YAML/ },
	{ name: 'duplicate key', files: { 'd.yaml': GOOD_DEPLOYMENT.replace('replicas: 2', 'replicas: 2\n  replicas: 3') },
		expect: /YAML/ },
	{ name: 'broken second document of a multi-document file',
		files: { 'd.yaml': `${GOOD_DEPLOYMENT}---\n${GOOD_DEPLOYMENT.replace('name: web}', 'name: web2}').replace('replicas: 2', 'replicas: two')}` },
		expect: /\/spec\/replicas must be integer/ },
	{ name: 'kustomization lists a missing file',
		files: { 'd.yaml': GOOD_DEPLOYMENT, 'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [d.yaml, gone.yaml]\n' },
		expect: /"gone\.yaml" does not exist/ },
	{ name: 'manifest left out of kustomization',
		files: { 'd.yaml': GOOD_DEPLOYMENT, 'e.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n', 'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [d.yaml]\n' },
		expect: /not listed in any kustomization/ },
	{ name: 'misspelt kustomization field',
		files: { 'd.yaml': GOOD_DEPLOYMENT, 'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [d.yaml]\nresource: [d.yaml]\n' },
		expect: /unknown Kustomization field "resource"/ },
	{ name: 'selector that does not match the pod labels',
		files: { 'd.yaml': GOOD_DEPLOYMENT.replace('matchLabels: {app: web}', 'matchLabels: {app: webb}') },
		expect: /matchLabels must be non-empty and match/ },
	{ name: 'probe on an undeclared port',
		files: { 'd.yaml': GOOD_DEPLOYMENT.replace('path: /live, port: http', 'path: /live, port: 9999') },
		expect: /livenessProbe uses port 9999/ },
	{ name: 'real-looking value in a Secret',
		files: { 's.yaml': 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {TOKEN: hunter2}\n' },
		expect: /must be the placeholder REPLACE_ME/ },
	{ name: 'worker HPA beyond the partitions', files: { 'w.yaml': WORKER_SET(13, 1) },
		expect: /13 consumers for 12 partitions/ },
	{ name: 'worker concurrency x HPA beyond the partitions', files: { 'w.yaml': WORKER_SET(12, 4) },
		expect: /48 consumers for 12 partitions/ },
];

async function selfTest() {
	const root = mkdtempSync(join(tmpdir(), 'k8s-validate-self-test-'));
	let failures = 0;
	try {
		for (const [i, c] of SELF_TEST_CASES.entries()) {
			const dir = join(root, `case-${i}`);
			mkdirSync(dir);
			for (const [name, text] of Object.entries(c.files)) {
				writeFileSync(join(dir, name), text);
			}
			const { problems } = await validatePaths([dir]);
			const messages = problems.map((p) => p.message);
			let ok;
			if (c.expect === null) {
				ok = problems.length === 0;
			}
			else {
				ok = messages.some((m) => c.expect.test(m));
			}
			if (!ok) {
				failures++;
				console.error(`self-test FAILED: ${c.name}: ${c.expect === null ? 'expected no problem' : `expected ${c.expect}`}`
					+ `, got: ${messages.length ? messages.join(' | ') : 'no problem at all'}`);
			}
		}
	}
	finally {
		rmSync(root, { recursive: true, force: true });
	}
	if (failures) {
		console.error(`k8s validator self-test: ${failures} of ${SELF_TEST_CASES.length} cases misjudged`);
		return false;
	}
	console.log(`k8s validator self-test: OK, all ${SELF_TEST_CASES.length} cases judged right `
		+ `(${SELF_TEST_CASES.filter((c) => c.expect).length} broken manifests rejected)`);
	return true;
}

async function main(args) {
	if (args.length === 1 && args[0] === '--self-test') {
		return (await selfTest()) ? 0 : 1;
	}
	if (args.length === 0 || args.some((a) => a.startsWith('-'))) {
		console.error('usage: node validate.mjs PATH... | node validate.mjs --self-test');
		return 2;
	}
	for (const a of args) {
		if (!existsSync(a)) {
			console.error(`no such file or folder: ${a}`);
			return 2;
		}
	}
	const result = await validatePaths(args);
	if (result.files.length === 0) {
		console.error(`no *.yaml manifests under ${args.join(' ')}`);
		return 1;
	}
	return report(args.join(' '), result) ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
