using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using nanoFramework.TestFramework;

namespace TestRunner
{
    /// <summary>
    /// Host runner with the nanoFramework device runner's semantics: for each [TestClass], its [Setup]
    /// once, then its [TestMethod]s, then its [DataRow] tests, then [Cleanup] once. Test classes are never
    /// constructed (the device runner calls methods without an instance), so instance methods run on an
    /// uninitialised object whose constructor and field initialisers never ran.
    /// </summary>
    public static class Runner
    {
        public static int Main(string[] args)
        {
            string filter = null;
            for (int i = 0; i < args.Length; i++)
                if (args[i] == "--filter" && i + 1 < args.Length) filter = args[++i];

            var classes = typeof(Runner).Assembly.GetTypes()
                .Where(t => t.GetCustomAttribute<TestClassAttribute>() != null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();

            int passed = 0, failed = 0, skipped = 0;
            var failures = new List<string>();
            var total = Stopwatch.StartNew();
            foreach (var type in classes)
            {
                var methods = type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .OrderBy(m => m.MetadataToken).ToList();
                var tests = new List<(string Name, MethodInfo Method, object[] Args)>();
                foreach (var m in methods.Where(m => m.GetCustomAttribute<TestMethodAttribute>() != null && m.GetCustomAttributes<DataRowAttribute>().Count() == 0))
                    tests.Add(($"{type.Name}.{m.Name}", m, null));
                foreach (var m in methods)
                {
                    int row = 0;
                    foreach (var dr in m.GetCustomAttributes<DataRowAttribute>())
                        tests.Add(($"{type.Name}.{m.Name}[{row++}]({string.Join(", ", dr.MethodParameters.Select(p => p?.ToString() ?? "null"))})", m, dr.MethodParameters));
                }
                if (filter != null) tests = tests.Where(t => (type.FullName + "." + t.Name).Contains(filter, StringComparison.OrdinalIgnoreCase)).ToList();
                if (tests.Count == 0) continue;

                object instance = RuntimeHelpers.GetUninitializedObject(type);
                string setupError = null;
                foreach (var setup in methods.Where(m => m.GetCustomAttribute<SetupAttribute>() != null))
                    setupError ??= Invoke(setup, instance, null, out _);
                foreach (var (name, method, testArgs) in tests)
                {
                    if (setupError != null)
                    {
                        failed++;
                        failures.Add($"{name}: [Setup] failed: {setupError}");
                        Console.WriteLine($"  FAIL {name}: [Setup] failed: {setupError}");
                        continue;
                    }
                    var sw = Stopwatch.StartNew();
                    string error = Invoke(method, instance, testArgs, out bool wasSkipped);
                    sw.Stop();
                    if (wasSkipped) { skipped++; Console.WriteLine($"  SKIP {name}: {error}"); }
                    else if (error == null) { passed++; Console.WriteLine($"  PASS {name} ({sw.ElapsedMilliseconds} ms)"); }
                    else { failed++; failures.Add($"{name}: {error}"); Console.WriteLine($"  FAIL {name}: {error}"); }
                }
                foreach (var cleanup in methods.Where(m => m.GetCustomAttribute<CleanupAttribute>() != null))
                {
                    string error = Invoke(cleanup, instance, null, out _);
                    if (error != null) { failed++; failures.Add($"{type.Name} [Cleanup]: {error}"); Console.WriteLine($"  FAIL {type.Name} [Cleanup]: {error}"); }
                }
            }
            Console.WriteLine();
            if (failures.Count > 0)
            {
                Console.WriteLine("Failures:");
                foreach (var f in failures) Console.WriteLine("  " + f);
            }
            if (skipped > 0) Console.WriteLine($"{skipped} skipped");
            Console.WriteLine($"{classes.Count} test classes in {total.Elapsed.TotalSeconds:F1} s");
            Console.WriteLine($"{passed} passed, {failed} failed");
            return failed == 0 && passed > 0 ? 0 : 1;
        }

        static string Invoke(MethodInfo method, object instance, object[] args, out bool skipped)
        {
            skipped = false;
            try
            {
                method.Invoke(method.IsStatic ? null : instance, args);
                return null;
            }
            catch (TargetInvocationException tie) when (tie.InnerException is SkipTestException skip)
            {
                skipped = true;
                return skip.Message;
            }
            catch (TargetInvocationException tie)
            {
                var e = tie.InnerException;
                return e is AssertFailedException ? e.Message : $"{e.GetType().Name}: {e.Message}\n{e.StackTrace}";
            }
            catch (Exception e)
            {
                return $"{e.GetType().Name}: {e.Message}";
            }
        }
    }
}
