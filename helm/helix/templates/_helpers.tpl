{{/* The five services: values key → app name (dist/apps/<app>). */}}
{{- define "helix.services" -}}
gateway: gateway
piiService: pii-service
cacheService: cache-service
costService: cost-service
analyticsService: analytics-service
{{- end }}

{{/* Services that take traffic from outside the release. */}}
{{- define "helix.publicServices" -}}
[gateway, analytics-service]
{{- end }}

{{- define "helix.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "helix.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Labels of every object; pass (dict "root" $ "component" "<app>"). */}}
{{- define "helix.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
{{ include "helix.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: helix
{{- end }}

{{- define "helix.selectorLabels" -}}
app.kubernetes.io/name: {{ include "helix.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- with .component }}
app.kubernetes.io/component: {{ . }}
{{- end }}
{{- end }}

{{- define "helix.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "helix.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Image of an app; pass (dict "root" $ "svc" <service values> "app" "<app>"). */}}
{{- define "helix.image" -}}
{{- $img := .root.Values.image }}
{{- $repo := default (printf "%s%s" $img.repositoryPrefix .app) .svc.image.repository }}
{{- $tag := default (default .root.Chart.AppVersion $img.tag) .svc.image.tag }}
{{- if $img.registry }}{{ printf "%s/%s:%s" $img.registry $repo $tag }}{{ else }}{{ printf "%s:%s" $repo $tag }}{{ end }}
{{- end }}

{{/* The Secret this chart makes. */}}
{{- define "helix.secretName" -}}
{{- include "helix.fullname" . }}
{{- end }}

{{/*
Generated values, made once per render and kept across upgrades (read back from the
release's Secret): the master key and the in-cluster Postgres password.
*/}}
{{- define "helix.generated" -}}
{{- if not (hasKey .Values "__generated") }}
{{- $old := (lookup "v1" "Secret" .Release.Namespace (include "helix.secretName" .)).data | default dict }}
{{- $key := .Values.secrets.masterKey.value | default (get $old "HELIX_MASTER_KEY" | default "" | b64dec) | default (printf "hx-%s" (randAlphaNum 43)) }}
{{- $pg := .Values.postgresql.inCluster.password | default (get $old "POSTGRES_PASSWORD" | default "" | b64dec) | default (randAlphaNum 32) }}
{{- $_ := set .Values "__generated" (dict "masterKey" $key "postgresPassword" $pg) }}
{{- end }}
{{- end }}

{{/*
Every secret env var: name → {value, existingSecret, key, services}. services: the apps
that read it ("" = every app and the migration Job).
*/}}
{{- define "helix.secretEnv" -}}
{{- include "helix.generated" . }}
{{- $s := .Values.secrets }}
{{- $gen := .Values.__generated }}
{{- $out := dict }}
{{- if not $s.masterKey.existingSecret }}
{{- $_ := set $out "HELIX_MASTER_KEY" (dict "value" $gen.masterKey "services" "gateway") }}
{{- else }}
{{- $_ := set $out "HELIX_MASTER_KEY" (merge (dict "services" "gateway") $s.masterKey) }}
{{- end }}
{{- if .Values.postgresql.inCluster.enabled }}
{{- $pg := .Values.postgresql.inCluster }}
{{- $_ := set $out "POSTGRES_PASSWORD" (dict "value" $gen.postgresPassword "services" "postgresql") }}
{{- $_ := set $out "DATABASE_URL" (dict "value" (printf "postgres://%s:%s@%s-postgresql:5432/%s" $pg.username (urlquery $gen.postgresPassword) (include "helix.fullname" .) $pg.database)) }}
{{- else }}
{{- $_ := set $out "DATABASE_URL" $s.databaseUrl }}
{{- end }}
{{- if .Values.redis.inCluster.enabled }}
{{- $_ := set $out "REDIS_URL" (dict "value" (printf "redis://%s-redis:6379" (include "helix.fullname" .))) }}
{{- else }}
{{- $_ := set $out "REDIS_URL" $s.redisUrl }}
{{- end }}
{{- $named := dict "HELIX__NATS__TOKEN" $s.natsToken "HELIX__NATS__PASS" $s.natsPassword "HELIX__COST__ALERTS__SMTP__URL" $s.smtpUrl "HELIX__ANALYTICS__REPORTS__SMTP__URL" $s.smtpUrl "HELIX_WEBHOOK_URL" $s.webhookUrl "HELIX__PII__HASH_SECRET" $s.piiHashSecret }}
{{- range $name, $ref := merge $named $s.providers $s.extraEnv }}
{{- if or $ref.value $ref.existingSecret }}
{{- $_ := set $out $name $ref }}
{{- end }}
{{- end }}
{{- toYaml $out }}
{{- end }}

{{/* Does the NATS creds file exist? */}}
{{- define "helix.natsCreds" -}}
{{- if or .Values.secrets.natsCreds.value .Values.secrets.natsCreds.existingSecret }}true{{ end }}
{{- end }}

{{/*
The env of a Helix container, shared by every Deployment and the migration Job.
Pass (dict "root" $ "app" "<app>" "secretName" "<Secret of chart-made values>").
*/}}
{{- define "helix.env" -}}
{{- $root := .root }}
{{- $v := $root.Values }}
- name: HELIX_MODE
  value: distributed
- name: HELIX_CONFIG
  value: /etc/helix/helix.yaml
- name: HELIX_DATA_DIR
  value: {{ $v.dataDir.path | quote }}
- name: PORT
  value: {{ $v.port | quote }}
- name: LOG_LEVEL
  value: {{ $v.logLevel | quote }}
- name: NATS_URL
  value: {{ ternary (printf "nats://%s-nats:4222" (include "helix.fullname" $root)) $v.nats.url $v.nats.inCluster.enabled | quote }}
{{- with $v.nats.user }}
- name: HELIX__NATS__USER
  value: {{ . | quote }}
{{- end }}
{{- if include "helix.natsCreds" $root }}
- name: HELIX__NATS__CREDS_FILE
  value: /etc/helix/nats/nats.creds
{{- end }}
{{- range $name, $ref := fromYaml (include "helix.secretEnv" $root) }}
{{- if or (not $ref.services) (eq $ref.services $.app) }}
- name: {{ $name }}
  valueFrom:
    secretKeyRef:
      name: {{ $ref.existingSecret | default $.secretName }}
      key: {{ ternary ($ref.key | default $name) $name (not (empty $ref.existingSecret)) }}
{{- end }}
{{- end }}
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: POD_NAMESPACE
  valueFrom:
    fieldRef:
      fieldPath: metadata.namespace
- name: OTEL_SERVICE_NAME
  value: helix-{{ .app }}
- name: OTEL_RESOURCE_ATTRIBUTES
  value: service.namespace=helix,service.version={{ $root.Chart.AppVersion }},k8s.namespace.name=$(POD_NAMESPACE),k8s.pod.name=$(POD_NAME)
- name: HELIX__TELEMETRY__TRACING__ENABLED
  value: {{ $v.tracing.enabled | quote }}
{{- if $v.tracing.enabled }}
- name: HELIX__TELEMETRY__TRACING__SAMPLE_RATIO
  value: {{ $v.tracing.sampleRatio | quote }}
- name: OTEL_TRACES_SAMPLER
  value: parentbased_traceidratio
- name: OTEL_TRACES_SAMPLER_ARG
  value: {{ $v.tracing.sampleRatio | quote }}
- name: OTEL_EXPORTER_OTLP_PROTOCOL
  value: http/protobuf
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ required "tracing.otlpEndpoint is required when tracing.enabled" $v.tracing.otlpEndpoint | quote }}
{{- end }}
{{- end }}

{{/* Volume mounts of a Helix container. */}}
{{- define "helix.volumeMounts" -}}
- name: config
  mountPath: /etc/helix
  readOnly: true
- name: data
  mountPath: {{ .Values.dataDir.path }}
- name: tmp
  mountPath: /tmp
{{- if include "helix.natsCreds" . }}
- name: nats-creds
  mountPath: /etc/helix/nats
  readOnly: true
{{- end }}
{{- end }}

{{/* Volumes of a Helix pod; pass (dict "root" $ "configMap" "<name>" "secretName" "<name>" "persistent" <data from a PVC>). */}}
{{- define "helix.volumes" -}}
{{- $v := .root.Values }}
- name: config
  configMap:
    name: {{ .configMap }}
{{- if not .persistent }}
- name: data
  emptyDir:
    sizeLimit: {{ $v.dataDir.sizeLimit }}
{{- end }}
- name: tmp
  emptyDir:
    sizeLimit: {{ $v.tmpSizeLimit }}
{{- if include "helix.natsCreds" .root }}
- name: nats-creds
  secret:
    secretName: {{ $v.secrets.natsCreds.existingSecret | default .secretName }}
    defaultMode: 0400
    items:
      - key: {{ ternary ($v.secrets.natsCreds.key | default "NATS_CREDS") "NATS_CREDS" (not (empty $v.secrets.natsCreds.existingSecret)) }}
        path: nats.creds
{{- end }}
{{- end }}

{{/* The Secret's data: every chart-made value. */}}
{{- define "helix.secretData" -}}
{{- range $name, $ref := fromYaml (include "helix.secretEnv" .) }}
{{- if and $ref.value (not $ref.existingSecret) }}
{{ $name }}: {{ $ref.value | toString | b64enc | quote }}
{{- end }}
{{- end }}
{{- with .Values.secrets.natsCreds }}
{{- if and .value (not .existingSecret) }}
NATS_CREDS: {{ .value | b64enc | quote }}
{{- end }}
{{- end }}
{{- end }}

{{/* The helix.yaml ConfigMap's data. */}}
{{- define "helix.configData" -}}
helix.yaml: |
  # Rendered from the chart's values.config; every field: config/helix.example.yaml.
{{ toYaml .Values.config | indent 2 }}
{{- end }}

{{/* Where the migration Job runs: before install with external Postgres, after it with an in-cluster one. */}}
{{- define "helix.migrationHook" -}}
{{- if .Values.postgresql.inCluster.enabled }}post-install,pre-upgrade{{ else }}pre-install,pre-upgrade{{ end }}
{{- end }}
