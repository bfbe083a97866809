metadata description = 'Key Vault (RBAC authorisation) for the Telegram bot token and the agent keys.'

param name string
param location string = resourceGroup().location
param tags object = {}

@description('Role assignments on the vault: { principalId, roleDefinitionId, principalType? }.')
param roleAssignments array = []

@description('Secrets to store: { name, value }. Only non-empty values are written.')
@secure()
param secrets object = {}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource secretValues 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for secret in items(secrets): if (!empty(secret.value)) {
  parent: vault
  name: secret.key
  properties: {
    value: secret.value
  }
}]

resource roles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in roleAssignments: {
  name: guid(vault.id, role.principalId, role.roleDefinitionId)
  scope: vault
  properties: {
    principalId: role.principalId
    principalType: role.?principalType ?? 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.roleDefinitionId)
  }
}]

output name string = vault.name
output uri string = vault.properties.vaultUri
