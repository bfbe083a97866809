using SmsGateway.Agent.Hosting;

return await AgentCommandLine.RunAsync(args);
