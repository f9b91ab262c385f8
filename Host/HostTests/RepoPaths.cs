using System;
using System.IO;

namespace LoRaWan.HostTests
{
    /// <summary>Finds the repository root (the folder holding LoRaWanDevice.sln) from the test binary.</summary>
    public static class RepoPaths
    {
        static string _root;

        public static string Root
        {
            get
            {
                if (_root != null) return _root;
                var dir = new DirectoryInfo(AppContext.BaseDirectory);
                while (dir != null && !File.Exists(Path.Combine(dir.FullName, "LoRaWanDevice.sln"))) dir = dir.Parent;
                if (dir == null) throw new InvalidOperationException("LoRaWanDevice.sln not found above " + AppContext.BaseDirectory);
                return _root = dir.FullName;
            }
        }
    }
}
