{{/* Names, labels and the few decisions every template shares. */}}

{{- define "carrier-hub.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "carrier-hub.fullname" -}}
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

{{- define "carrier-hub.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The services: values key -> component name (= module, application name, consumer group). */}}
{{- define "carrier-hub.components" -}}
orderIntake: order-intake
rateShopping: rate-shopping
labelService: label-service
trackingService: tracking-service
billingReconciler: billing-reconciler
{{- end }}

{{/* Components that talk to carriers, and so get the carrier accounts and carrier egress. */}}
{{- define "carrier-hub.carrierComponents" -}}
{{- list "rate-shopping" "label-service" "tracking-service" | toJson }}
{{- end }}

{{- define "carrier-hub.labels" -}}
helm.sh/chart: {{ include "carrier-hub.chart" . }}
{{ include "carrier-hub.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: carrier-hub
{{- end }}

{{- define "carrier-hub.selectorLabels" -}}
app.kubernetes.io/name: {{ include "carrier-hub.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Arguments: dict "root" $ "component" "order-intake" */}}
{{- define "carrier-hub.componentLabels" -}}
{{ include "carrier-hub.labels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "carrier-hub.componentSelectorLabels" -}}
{{ include "carrier-hub.selectorLabels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "carrier-hub.componentFullname" -}}
{{- printf "%s-%s" (include "carrier-hub.fullname" .root) .component | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "carrier-hub.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "carrier-hub.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Arguments: dict "root" $ "component" "order-intake" "values" $svc */}}
{{- define "carrier-hub.image" -}}
{{- $image := .root.Values.image }}
{{- $repository := .values.image.repository | default (printf "%s/%s/%s" $image.registry $image.repository .component) }}
{{- $tag := .values.image.tag | default $image.tag | default .root.Chart.AppVersion }}
{{- if eq $image.flavor "native" }}
{{- $tag = printf "%s-native" $tag }}
{{- end }}
{{- printf "%s:%s" $repository $tag }}
{{- end }}

{{/* An environment variable name for a tenant, account or carrier name: upper case, [A-Z0-9_] only. */}}
{{- define "carrier-hub.envName" -}}
{{- regexReplaceAll "[^A-Z0-9]" (upper .) "_" }}
{{- end }}

{{/* Fails rendering when a service asks for both autoscalers: they would fight over its replicas. */}}
{{- define "carrier-hub.validateAutoscaling" -}}
{{- if and .values.autoscaling.enabled .values.keda.enabled }}
{{- fail (printf "%s: autoscaling.enabled (HPA) and keda.enabled (ScaledObject) are exclusive; KEDA creates its own HPA. Enable one." .component) }}
{{- end }}
{{- end }}
