using System.IO;
using LoRaWan.Cli;
using LoRaWan.Cli.Simulate;
using LoRaWan.Frames;
using LoRaWan.Mac;
using LoRaWan.Simulation;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Cli
{
    /// <summary>
    /// <c>lorawan simulate --mac-version 1.1</c> (issue 16): OTAA with NwkKey and AppKey, ABP with the four session keys
    /// (the names The Things Stack's console uses), RekeyInd/RekeyConf and ResetInd/ResetConf on the timeline, and the
    /// 1.1 options refused where they do not apply.
    /// </summary>
    [TestClass]
    public class Simulate11Tests
    {
        const string NwkKey = "000102030405060708090A0B0C0D0E0F";
        const string AppKey = "2B7E151628AED2A6ABF7158809CF4F3C";
        const string F = "101112131415161718191A1B1C1D1E1F";
        const string S = "202122232425262728292A2B2C2D2E2F";
        const string E = "303132333435363738393A3B3C3D3E3F";
        const string A = "404142434445464748494A4B4C4D4E4F";

        static InProcessSimulation Build(out StringWriter output, params string[] args)
        {
            output = new StringWriter();
            return new InProcessSimulation(SimulationSettings.Parse(args), output);
        }

        static void NothingRejected(InProcessSimulation sim, string output)
        {
            NetworkCounters c = sim.World.Network.Counters;
            Assert.AreEqual(0, c.UplinksRejectedMic + c.UplinksRejectedReplay + c.UplinksRejectedNoRekeyInd + c.UplinksRejectedMalformed, "uplinks rejected: " + output);
            Assert.AreEqual(0, sim.Device.Diagnostics.Counters.MicFailures + sim.Device.Diagnostics.Counters.ReplayedFrames, "downlinks rejected: " + output);
        }

        [TestMethod]
        public void Otaa11_JoinsWithNwkKeyAndAppKey_RekeyIndAndRekeyConfOnTheTimeline()
        {
            InProcessSimulation sim = Build(out StringWriter output, "--mac-version", "1.1", "--nwkkey", NwkKey, "--appkey", AppKey, "--minutes", "15");
            Assert.IsTrue(sim.Identity.Is11, "a 1.1 identity");
            CollectionAssert.AreEqual(Hex.Parse(NwkKey, 16, "k"), sim.Identity.NwkKey, "--nwkkey is the NwkKey");
            CollectionAssert.AreEqual(Hex.Parse(AppKey, 16, "k"), sim.Identity.AppKey, "--appkey is the AppKey");
            Assert.AreEqual(0, sim.Run(), output.ToString());
            string text = output.ToString();
            Assert.Contains("LoRaWAN 1.1 · OTAA DevEUI 70B3D57ED0000001", text, "power-on line");
            Assert.Contains("keys · AppKey " + AppKey + " · NwkKey " + NwkKey, text, "the root keys as the console shows them");
            Assert.Contains("network MAC ← RekeyInd", text, "RekeyInd on the timeline");
            Assert.Contains("network MAC → RekeyConf", text, "RekeyConf on the timeline");
            Assert.Contains("LoRaWAN 1.1            OptNeg 1, four session keys; RekeyInd confirmed (1 RekeyConf)", text, "summary");
            Assert.IsTrue(sim.World.Network.FindDevice(sim.Identity.DevEui).Session.Is11, "a 1.1 session on the network");
            Assert.IsTrue(sim.World.Network.Uplinks.Count >= 6, "uplinks");
            NothingRejected(sim, text);
        }

        [TestMethod]
        public void Abp11_FourSessionKeys_ResetIndAndResetConf()
        {
            InProcessSimulation sim = Build(out StringWriter output, "--mac-version", "1.1", "--activation", "abp", "--devaddr", "260B0042",
                "--fnwksintkey", F, "--snwksintkey", S, "--nwksenckey", E, "--appskey", A, "--dr", "5", "--minutes", "10");
            Assert.IsTrue(sim.Identity.Is11 && !sim.Identity.IsOtaa, "an ABP 1.1 identity");
            Assert.AreEqual(0, sim.Run(), output.ToString());
            string text = output.ToString();
            Assert.Contains("keys · FNwkSIntKey " + F + " · SNwkSIntKey " + S + " · NwkSEncKey " + E + " · AppSKey " + A, text, "session keys");
            Assert.Contains("network MAC ← ResetInd", text, "ResetInd on the timeline");
            Assert.Contains("network MAC → ResetConf", text, "ResetConf on the timeline");
            Assert.Contains("ResetInd confirmed (1 ResetConf)", text, "summary");
            NetworkSession s = sim.World.Network.FindDeviceByDevAddr(0x260B0042).Session;
            Assert.IsTrue(s.Is11, "a 1.1 session");
            CollectionAssert.AreEqual(Hex.Parse(E, 16, "k"), s.NwkSEncKey, "--nwksenckey reached the network");
            Assert.IsTrue(sim.World.Network.Uplinks.Count >= 4, "uplinks accepted");
            NothingRejected(sim, text);
        }

        [TestMethod]
        public void Options11_WhereTheyDoNotApply_AreOneLineAndExit2()
        {
            Fails("--nwkkey is a LoRaWAN 1.1 key", "--nwkkey", NwkKey);
            Fails("--fnwksintkey is a LoRaWAN 1.1 key", "--activation", "abp", "--fnwksintkey", F);
            Fails("--nwkskey is the LoRaWAN 1.0 ABP key", "--mac-version", "1.1", "--activation", "abp", "--nwkskey", F);
            Fails("--nwkkey is an OTAA option", "--mac-version", "1.1", "--activation", "abp", "--nwkkey", NwkKey);
            Fails("--snwksintkey is an ABP option", "--mac-version", "1.1", "--snwksintkey", S);
            Fails("--nwkkey: must be 16 bytes", "--mac-version", "1.1", "--nwkkey", "0011");
            Fails("--mac-version must be 1.0.2, 1.0.3, 1.0.4 or 1.1, got '1.2'", "--mac-version", "1.2");
        }

        static void Fails(string expected, params string[] args)
        {
            var o = new StringWriter();
            var e = new StringWriter();
            int code = SimulateCommand.Run(args, o, e);
            Assert.AreEqual(2, code, "exit code of simulate " + string.Join(" ", args) + ": " + e);
            Assert.AreEqual("", o.ToString(), "nothing ran");
            Assert.Contains(expected, e.ToString());
        }
    }
}
