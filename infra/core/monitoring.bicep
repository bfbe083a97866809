metadata description = 'Log Analytics workspace and the workspace-based Application Insights the Function App reports to.'

param logAnalyticsName string
param applicationInsightsName string
param location string = resourceGroup().location
param tags object = {}

@description('Principals that may publish telemetry with Entra ID (local authentication is off).')
param metricsPublishers array = []

// Monitoring Metrics Publisher
var metricsPublisherRole = '3913510d-42f4-4e42-8a64-420c390055eb'

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    retentionInDays: 30
    sku: {
      name: 'PerGB2018'
    }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    // Telemetry is accepted only with an Entra ID token, so the connection string alone is no credential.
    DisableLocalAuth: true
  }
}

resource publisherRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for principalId in metricsPublishers: {
  name: guid(applicationInsights.id, principalId, metricsPublisherRole)
  scope: applicationInsights
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', metricsPublisherRole)
  }
}]

output applicationInsightsName string = applicationInsights.name
output connectionString string = applicationInsights.properties.ConnectionString
output logAnalyticsId string = logAnalytics.id
