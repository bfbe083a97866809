namespace SmsGateway.Testing;

/// <summary>Files of the repository the tests run from (documents, templates, other projects' build output).</summary>
public static class RepositoryFiles
{
    /// <summary>The folder that holds <c>SmsGateway.sln</c>, found upwards from the test's output.</summary>
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SmsGateway.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("The repository root (SmsGateway.sln) was not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The path of <paramref name="parts"/> under the repository root.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string ReadAllText(params string[] parts) => File.ReadAllText(PathOf(parts));
}
