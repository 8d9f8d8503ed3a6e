{{/*
The application.properties of one service, mounted at /deployments/config (ordinal 260: above the
packaged defaults, below environment variables). Secrets appear only as ${ENV} expressions that the
pod's environment fills from existingSecret; their names come from carrier-hub.secretEnv.
Arguments: dict "root" $ "component" "order-intake" "values" $svc
*/}}
{{- define "carrier-hub.applicationProperties" -}}
{{- $root := .root }}
{{- $values := .values }}
{{- $pg := $root.Values.postgresql }}
{{- $query := "" }}
{{- range $key, $value := $pg.parameters }}
{{- $query = printf "%s%s%s=%v" $query (ternary "?" "&" (eq $query "")) $key $value }}
{{- end }}
quarkus.http.port={{ $values.port }}
kafka.bootstrap.servers={{ $root.Values.kafka.bootstrapServers }}
{{- range $key, $value := $root.Values.kafka.properties }}
kafka.{{ $key }}={{ $value }}
{{- end }}
{{- if $root.Values.kafka.sasl.enabled }}
kafka.sasl.mechanism={{ $root.Values.kafka.sasl.mechanism }}
{{- $module := ternary "org.apache.kafka.common.security.plain.PlainLoginModule" "org.apache.kafka.common.security.scram.ScramLoginModule" (eq $root.Values.kafka.sasl.mechanism "PLAIN") }}
kafka.sasl.jaas.config={{ $module }} required username="${KAFKA_SASL_USERNAME}" password="${KAFKA_SASL_PASSWORD}";
{{- end }}
quarkus.datasource.jdbc.url=jdbc:postgresql://{{ $pg.host }}:{{ $pg.port }}/{{ $values.database.name }}{{ $query }}
quarkus.datasource.reactive.url=postgresql://{{ $pg.host }}:{{ $pg.port }}/{{ $values.database.name }}{{ $query }}
quarkus.datasource.username={{ $values.database.username }}
{{- if $root.Values.tracing.otlpEndpoint }}
quarkus.otel.exporter.otlp.traces.endpoint={{ $root.Values.tracing.otlpEndpoint }}
quarkus.otel.traces.sampler={{ $root.Values.tracing.sampler }}
quarkus.otel.traces.sampler.arg={{ $root.Values.tracing.samplerRatio }}
{{- else }}
quarkus.otel.sdk.disabled=true
{{- end }}
{{- with $root.Values.operatorJwt.publicKeyLocation }}
mp.jwt.verify.publickey.location={{ . }}
{{- end }}
{{- with $root.Values.operatorJwt.issuer }}
mp.jwt.verify.issuer={{ . }}
{{- end }}
{{- if eq .component "order-intake" }}
{{- range $name, $tenant := $root.Values.tenants }}
{{- $env := include "carrier-hub.envName" $name }}
carrierhub.tenants.{{ $name }}.webhook-token=${TENANT_{{ $env }}_WEBHOOK_TOKEN}
carrierhub.tenants.{{ $name }}.odoo.url={{ $tenant.odoo.url }}
carrierhub.tenants.{{ $name }}.odoo.database={{ $tenant.odoo.database }}
carrierhub.tenants.{{ $name }}.odoo.api-key=${TENANT_{{ $env }}_ODOO_API_KEY}
{{- with $tenant.odoo.userId }}
carrierhub.tenants.{{ $name }}.odoo.user-id={{ . }}
{{- end }}
{{- with $tenant.odoo.protocol }}
carrierhub.tenants.{{ $name }}.odoo.protocol={{ . }}
{{- end }}
{{- with $tenant.odoo.timeout }}
carrierhub.tenants.{{ $name }}.odoo.timeout={{ . }}
{{- end }}
{{- with $tenant.models }}
carrierhub.tenants.{{ $name }}.models={{ join "," . }}
{{- end }}
{{- with $tenant.allowedSources }}
carrierhub.tenants.{{ $name }}.allowed-sources={{ join "," . }}
{{- end }}
{{- if $tenant.hmac }}
carrierhub.tenants.{{ $name }}.hmac-secret=${TENANT_{{ $env }}_HMAC_SECRET}
{{- end }}
{{- end }}
{{- end }}
{{- if has .component (include "carrier-hub.carrierComponents" . | fromJsonArray) }}
{{- range $name, $account := $root.Values.carriers.accounts }}
{{- $prefix := printf "carrierhub.carriers.accounts.%s" $name }}
{{- $env := include "carrier-hub.envName" $name }}
{{ $prefix }}.type={{ $account.type }}
{{- with $account.baseUrl }}
{{ $prefix }}.base-url={{ . }}
{{- end }}
{{- with $account.timeout }}
{{ $prefix }}.timeout={{ . }}
{{- end }}
{{- range $key, $value := $account.settings }}
{{ $prefix }}.{{ $key }}={{ $value }}
{{- end }}
{{- range $secret := include "carrier-hub.carrierSecrets" (dict "component" $.component) | fromJsonArray }}
{{ $prefix }}.{{ $secret }}=${CARRIER_{{ $env }}_{{ include "carrier-hub.envName" $secret }}:}
{{- end }}
{{- end }}
{{- end }}
{{- if eq .component "tracking-service" }}
{{- range $carrier := $root.Values.carriers.callbacks }}
carrierhub.tracking.callbacks.{{ $carrier }}.secret=${CALLBACK_{{ include "carrier-hub.envName" $carrier }}_SECRET}
{{- end }}
{{- end }}
{{- range $key, $value := $values.config }}
{{ $key }}={{ $value }}
{{- end }}
{{- end }}

{{/* The secret settings of a carrier account this component reads; only tracking-service checks callbacks. */}}
{{- define "carrier-hub.carrierSecrets" -}}
{{- $secrets := list "api-key" "api-secret" "client-id" "client-secret" }}
{{- if eq .component "tracking-service" }}
{{- $secrets = append $secrets "webhook-secret" }}
{{- end }}
{{- $secrets | toJson }}
{{- end }}
