{{/*
The environment of one service that comes from Secrets: every secret setting, and only those. Keys of
existingSecret are named after what they hold (NOTES.txt lists them); optional ones may be absent.
Arguments: dict "root" $ "component" "order-intake" "values" $svc
*/}}
{{- define "carrier-hub.secretEnv" -}}
{{- $root := .root }}
{{- $secret := $root.Values.existingSecret }}
- name: QUARKUS_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .values.database.existingSecret | default $secret }}
      key: {{ .values.database.passwordKey | default (printf "%s-db-password" .component) }}
{{- if $root.Values.kafka.sasl.enabled }}
{{- range $key := list "username" "password" }}
- name: KAFKA_SASL_{{ upper $key }}
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: kafka-sasl-{{ $key }}
{{- end }}
{{- end }}
{{- if eq .component "order-intake" }}
{{- range $name, $tenant := $root.Values.tenants }}
{{- $env := include "carrier-hub.envName" $name }}
- name: TENANT_{{ $env }}_WEBHOOK_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: tenant-{{ $name }}-webhook-token
- name: TENANT_{{ $env }}_ODOO_API_KEY
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: tenant-{{ $name }}-odoo-api-key
{{- if $tenant.hmac }}
- name: TENANT_{{ $env }}_HMAC_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: tenant-{{ $name }}-hmac-secret
{{- end }}
{{- end }}
{{- end }}
{{- if has .component (include "carrier-hub.carrierComponents" . | fromJsonArray) }}
{{- range $name, $account := $root.Values.carriers.accounts }}
{{- range $setting := include "carrier-hub.carrierSecrets" (dict "component" $.component) | fromJsonArray }}
- name: CARRIER_{{ include "carrier-hub.envName" $name }}_{{ include "carrier-hub.envName" $setting }}
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: carrier-{{ $name }}-{{ $setting }}
      # Each connector needs only some of these (platform/carriers/README.md).
      optional: true
{{- end }}
{{- end }}
{{- end }}
{{- if eq .component "tracking-service" }}
{{- range $carrier := $root.Values.carriers.callbacks }}
- name: CALLBACK_{{ include "carrier-hub.envName" $carrier }}_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: callback-{{ $carrier }}-secret
{{- end }}
{{- end }}
{{- end }}
