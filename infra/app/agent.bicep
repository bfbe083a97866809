metadata description = 'One on-prem agent: its own subscription of the outbound topic and the least privilege its identity needs.'

param namespaceName string
param topicName string

@description('The agent id (Cloud:AgentId): lowercase letters, digits and dashes.')
@minLength(1)
@maxLength(40)
param agentId string

@description('Object id of the agent\'s Entra ID identity (a service principal, or an Azure Arc machine identity); empty to create only the subscription.')
param principalId string = ''

@allowed(['ServicePrincipal', 'User', 'Group'])
param principalType string = 'ServicePrincipal'

@description('Object id of the Functions identity, which lists and replays this subscription\'s dead letters; empty for none.')
param deadLetterReaderPrincipalId string = ''

param lockDuration string = 'PT5M'
param maxDeliveryCount int = 5

// Azure Service Bus Data Receiver, Azure Service Bus Data Sender
var receiverRole = '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
var senderRole = '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'

resource namespace 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' existing = {
  name: namespaceName

  resource topic 'topics' existing = {
    name: topicName
  }
}

resource subscription 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2022-10-01-preview' = {
  parent: namespace::topic
  name: 'sms-${agentId}'
  properties: {
    lockDuration: lockDuration
    maxDeliveryCount: maxDeliveryCount
    deadLetteringOnMessageExpiration: true
    deadLetteringOnFilterEvaluationExceptions: true
  }

  resource pinned 'rules' = {
    name: '$Default'
    properties: {
      filterType: 'SqlFilter'
      sqlFilter: {
        sqlExpression: 'agentId = \'${agentId}\''
      }
    }
  }
}

// Receive (and settle) from its own subscription only: an agent never sees another agent's messages.
resource receiver 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(principalId)) {
  name: guid(subscription.id, principalId, receiverRole)
  scope: subscription
  properties: {
    principalId: principalId
    principalType: principalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', receiverRole)
  }
}

// A transient send failure is retried by scheduling a clone of the message on the topic (Service Bus
// cannot delay an abandoned message), so the agent must also be allowed to send to the topic.
resource sender 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(principalId)) {
  name: guid(namespace::topic.id, principalId, senderRole)
  scope: namespace::topic
  properties: {
    principalId: principalId
    principalType: principalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', senderRole)
  }
}

// The Functions list (peek) and replay dead letters; Data Receiver on the subscription covers its dead-letter
// queue. Queue counts need Manage rights, which nobody gets: they show as unknown.
resource deadLetterReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deadLetterReaderPrincipalId)) {
  name: guid(subscription.id, deadLetterReaderPrincipalId, receiverRole)
  scope: subscription
  properties: {
    principalId: deadLetterReaderPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', receiverRole)
  }
}

output subscriptionName string = subscription.name
