metadata description = 'Service Bus namespace with the outbound topic and the shared subscription every agent may read.'

param name string
param location string = resourceGroup().location
param tags object = {}

param topicName string = 'outbound'
param sharedSubscriptionName string = 'sms'

@description('How long the topic remembers message ids to drop a repeated publish (ISO 8601).')
param duplicateDetectionWindow string

@description('Peek-lock duration of the subscriptions; Service Bus allows at most PT5M. Agents keep Outbound:LockDuration at or below it.')
param lockDuration string = 'PT5M'

param maxDeliveryCount int = 5

@description('Entra ID only: no SAS keys and no connection strings.')
param disableLocalAuth bool = true

@description('Principals allowed to publish to the topic (Azure Service Bus Data Sender on the topic).')
param topicSenders array = []

@description('Principals allowed to receive from the shared subscription, its dead letters included (Azure Service Bus Data Receiver on that subscription only).')
param subscriptionReceivers array = []

// Azure Service Bus Data Sender, Azure Service Bus Data Receiver
var senderRole = '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
var receiverRole = '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'

resource namespace 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: disableLocalAuth
    minimumTlsVersion: '1.2'
  }
}

resource topic 'Microsoft.ServiceBus/namespaces/topics@2022-10-01-preview' = {
  parent: namespace
  name: topicName
  properties: {
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: duplicateDetectionWindow
    // Retries are scheduled clones held by the topic until due.
    supportOrdering: false
  }
}

resource shared 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2022-10-01-preview' = {
  parent: topic
  name: sharedSubscriptionName
  properties: {
    lockDuration: lockDuration
    maxDeliveryCount: maxDeliveryCount
    deadLetteringOnMessageExpiration: true
    deadLetteringOnFilterEvaluationExceptions: true
  }

  // Messages pinned to one agent (application property agentId) go to that agent's subscription only.
  resource unpinned 'rules' = {
    name: '$Default'
    properties: {
      filterType: 'SqlFilter'
      sqlFilter: {
        sqlExpression: 'agentId IS NULL'
      }
    }
  }
}

resource senders 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for principalId in topicSenders: {
  name: guid(topic.id, principalId, senderRole)
  scope: topic
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', senderRole)
  }
}]

resource receivers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for principalId in subscriptionReceivers: {
  name: guid(shared.id, principalId, receiverRole)
  scope: shared
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', receiverRole)
  }
}]

output name string = namespace.name
output fullyQualifiedNamespace string = '${namespace.name}.servicebus.windows.net'
output topicName string = topic.name
output sharedSubscriptionName string = shared.name
