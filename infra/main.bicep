targetScope = 'subscription'

metadata description = 'SmsGateway cloud shape: Functions (Flex Consumption), Service Bus topic, Table storage, Key Vault, monitoring.'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names and tags of all resources derive from it.')
param environmentName string

@minLength(1)
@description('Region of all resources; it must offer the Flex Consumption plan.')
param location string

@description('Resource group to create; rg-<environmentName> when empty.')
param resourceGroupName string = ''

@description('On-prem agents: { id, principalId?, principalType?, prefixes? }. Each gets subscription sms-<id> and, with a principal, receive rights on it; SMS to numbers starting with one of its prefixes (e.g. [\'+49\']) are pinned to it, all others go to the shared subscription.')
param agents array = []

@description('Object id of the person running azd; gets Key Vault Secrets Officer to store the agent keys.')
param principalId string = ''

@allowed(['User', 'ServicePrincipal', 'Group'])
param principalType string = 'User'

@secure()
@description('Telegram bot token; stored in Key Vault when given, and the bridge stays off when empty.')
param telegramBotToken string = ''

@secure()
@description('Secret Telegram sends in X-Telegram-Bot-Api-Secret-Token (1-256 of A-Z a-z 0-9 _ -); stored in Key Vault. Required with a bot token.')
param telegramWebhookSecret string = ''

@description('Chats that receive inbound SMS (Telegram:ChatIds).')
param telegramChatIds array = []

@description('How long the topic drops a repeated publish of the same item id; long enough that queue recovery never duplicates an item.')
param duplicateDetectionWindow string = 'P1D'

@description('dotnet-isolated version on the Flex Consumption plan.')
param functionsRuntimeVersion string = '10.0'

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var deploymentContainerName = 'app-package-${take(resourceToken, 7)}'
var telegramSecretName = 'telegram-bot-token'
var telegramWebhookSecretName = 'telegram-webhook-secret'
var functionAppName = 'func-${resourceToken}'

// Built-in roles.
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
}

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module identity 'core/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-func-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'core/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
    metricsPublishers: [identity.outputs.principalId]
  }
}

module storage 'core/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    roleAssignments: [
      // The Flex deployment package, and the host's own blobs (timer locks, keys).
      { principalId: identity.outputs.principalId, roleDefinitionId: roles.storageBlobDataOwner }
      // The message store.
      { principalId: identity.outputs.principalId, roleDefinitionId: roles.storageTableDataContributor }
    ]
  }
}

module serviceBus 'core/servicebus.bicep' = {
  name: 'servicebus'
  scope: rg
  params: {
    name: 'sb-${resourceToken}'
    location: location
    tags: tags
    duplicateDetectionWindow: duplicateDetectionWindow
    topicSenders: [identity.outputs.principalId]
    // /status and the dead-letter views list (peek) and replay dead letters of the shared subscription.
    subscriptionReceivers: [identity.outputs.principalId]
  }
}

module agentSubscriptions 'app/agent.bicep' = [for agent in agents: {
  name: 'agent-${agent.id}'
  scope: rg
  params: {
    namespaceName: serviceBus.outputs.name
    topicName: serviceBus.outputs.topicName
    agentId: agent.id
    principalId: agent.?principalId ?? ''
    principalType: agent.?principalType ?? 'ServicePrincipal'
    deadLetterReaderPrincipalId: identity.outputs.principalId
  }
}]

module keyVault 'core/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    secrets: {
      '${telegramSecretName}': telegramBotToken
      '${telegramWebhookSecretName}': telegramWebhookSecret
    }
    roleAssignments: concat(
      [{ principalId: identity.outputs.principalId, roleDefinitionId: roles.keyVaultSecretsUser }],
      empty(principalId) ? [] : [{ principalId: principalId, roleDefinitionId: roles.keyVaultSecretsOfficer, principalType: principalType }]
    )
  }
}

// Key Vault references resolve through the app's identity (its Secrets User role is part of the keyVault
// module, which the settings wait for); the secret values never appear in the app's configuration.
var keyVaultReference = '@Microsoft.KeyVault(VaultName=kv-${resourceToken};SecretName=%s)'
var agentKeySettings = reduce(agents, {}, (settings, agent) => union(settings, {
  'Agents__${agent.id}__Key': format(keyVaultReference, 'agent-key-${agent.id}')
}))
var telegramSettings = empty(telegramBotToken) ? {} : union({
  Telegram__BotToken: format(keyVaultReference, telegramSecretName)
  Telegram__WebhookSecret: format(keyVaultReference, telegramWebhookSecretName)
  Telegram__Mode: 'webhook'
  Telegram__WebhookUrl: 'https://${functionAppName}.azurewebsites.net/api/telegram/webhook'
}, reduce(range(0, length(telegramChatIds)), {}, (settings, i) => union(settings, {
  'Telegram__ChatIds__${i}': string(telegramChatIds[i])
})))

// ServiceBus:Routes from the agents' prefixes: intake pins those SMS to their agent's subscription.
var routes = flatten(map(agents, agent => map(agent.?prefixes ?? [], prefix => { prefix: prefix, agentId: agent.id })))
var routeSettings = reduce(range(0, length(routes)), {}, (settings, i) => union(settings, {
  'ServiceBus__Routes__${i}__Prefix': routes[i].prefix
  'ServiceBus__Routes__${i}__AgentId': routes[i].agentId
}))

module functions 'app/functions.bicep' = {
  name: 'functions'
  scope: rg
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: '${storage.outputs.blobEndpoint}${deploymentContainerName}'
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    runtimeVersion: functionsRuntimeVersion
    appSettings: union({
      ServiceBus__FullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
      ServiceBus__ManagedIdentityClientId: identity.outputs.clientId
      ServiceBus__Topic: serviceBus.outputs.topicName
      ServiceBus__Subscription: serviceBus.outputs.sharedSubscriptionName
      Tables__Endpoint: storage.outputs.tableEndpoint
      Tables__ManagedIdentityClientId: identity.outputs.clientId
    }, agentKeySettings, telegramSettings, routeSettings)
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functions.outputs.name
output SMSGATEWAY_BASE_URL string = 'https://${functions.outputs.defaultHostName}'
output SERVICEBUS_FULLY_QUALIFIED_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace
output SERVICEBUS_TOPIC string = serviceBus.outputs.topicName
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_URI string = keyVault.outputs.uri
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.connectionString
