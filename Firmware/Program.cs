using System;
using System.IO;
using System.Threading;
using LoRaWan.Firmware.App;
using LoRaWan.Firmware.Esp32;
using LoRaWan.Mac;
using LoRaWan.Regions;

namespace LoRaWan.Firmware
{
    /// <summary>
    /// The sensor sketch on a real board: join The Things Stack, then send a CayenneLPP uplink every few minutes.
    /// Edit the block marked "YOUR DEVICE", then run <c>./flash.ps1 -Board &lt;name&gt; -Port &lt;port&gt;</c>
    /// (README, "On a real board"). The sketch itself (payload, downlinks, the loop) is <see cref="SensorSketch"/>.
    /// </summary>
    public static class Program
    {
        // ───────────── YOUR DEVICE: paste from The Things Stack console (MSB, hex, as shown) ─────────────
        const string DevEui = "0000000000000000";                     // End device → DevEUI
        const string JoinEui = "0000000000000000";                    // JoinEUI (AppEUI in LoRaWAN 1.0.2)
        const string AppKey = "00000000000000000000000000000000";     // AppKey (root key, MSB)
        // LoRaWAN 1.1 (registered as "LoRaWAN Specification 1.1.0", README "A LoRaWAN 1.1 device"): the console shows a
        // second root key; uncomment it and the two 1.1 lines where the device is created below.
        // const string NwkKey = "00000000000000000000000000000000";  // NwkKey (root key, MSB; LoRaWAN 1.1 only)
        const string RegionName = "EU868";                            // EU868, US915, AU915, AS923-1..4, IN865, KR920, RU864, EU433, CN779, CN470-20A/20B/26A/26B, CN470-RP1
        const int SubBand = 0;                                        // US915/AU915: 2 for The Things Network, 0 = all
        const int IntervalMinutes = 5;                                // between uplinks (a downlink can change it)
        static readonly bool UseDeepSleep = false;                    // true: deep sleep between uplinks (session kept in flash)
        static readonly bool UseClassC = false;                       // true: Class C, the LED (or a relay on its pin) follows a
                                                                      // downlink within ~1 s; the radio listens all the time (~11.5 mA,
                                                                      // ~276 mAh a day): mains/USB power only. Tick "Supports class C"
                                                                      // for the device in The Things Stack too. Not with UseDeepSleep.
        static readonly Board DefaultBoard = Boards.HeltecWifiLora32V2; // used when not built by flash.ps1 -Board
        // ──────────────────────────────────────────────────────────────────────────────────────────────────

        /// <summary>Starts the application.</summary>
        public static void Main()
        {
            Board board = BoardSelection.FromBuild();
            if (board == null) board = DefaultBoard;
            Console.WriteLine("LoRaWAN sensor on " + board.Title + ", " + RegionName);

            Region region = Region.Create(RegionName);
            Esp32Hardware hardware;
            try
            {
                // The receive chain is calibrated at the centre of the region's band (SX1276 datasheet §4.2.3.8).
                hardware = new Esp32Hardware(board, (region.MinFrequencyHz + region.MaxFrequencyHz) / 2);
            }
            catch (IOException e)
            {
                Console.WriteLine("radio not found: " + e.Message);
                Thread.Sleep(Timeout.Infinite);
                return;
            }
            if (DevEui == "0000000000000000" || AppKey == "00000000000000000000000000000000")
                Console.WriteLine("Paste your DevEUI, JoinEUI and AppKey into Program.cs first: the join will fail with these.");

            LoRaWanOptions options = new LoRaWanOptions();
            options.SubBand = SubBand;
            // Deep sleep restarts the program every cycle: persist FCntUp after every uplink instead of every 16,
            // so each wake continues at the next counter (1.0.4 §4.3.1.5: never reuse one) without skipping 16.
            if (UseDeepSleep) options.FCntPersistInterval = 1;

            DeviceIdentity identity = DeviceIdentity.Otaa(DevEui, JoinEui, AppKey);
            // LoRaWAN 1.1: NwkKey and AppKey, and the 1.1 MAC (OptNeg join, four session keys, RekeyInd):
            // identity = DeviceIdentity.Otaa11(DevEui, JoinEui, NwkKey, AppKey);
            // options.Version = LoRaWanVersion.V1_1;
            LoRaWanDevice device = new LoRaWanDevice(hardware.Radio, region, identity, hardware.Store, hardware.MacAlarm, options);
            if (device.IsJoined) Console.WriteLine("session restored from flash: no join needed");
            // Class C (LoRaWAN 1.0.4 §15) keeps the receiver on between uplinks, which deep sleep would switch off. The
            // class is saved with the session, so switching back to Class A here is saved as well.
            bool classC = UseClassC && !UseDeepSleep;
            if (UseClassC && UseDeepSleep) Console.WriteLine("UseClassC needs the radio awake: ignored with UseDeepSleep");
            device.SetDeviceClass(classC ? DeviceClass.C : DeviceClass.A);
            if (classC) Console.WriteLine("Class C: listening for downlinks between uplinks (an LED downlink, {\"value_4\": 1}, switches it within a second)");

            SensorSketch sketch = new SensorSketch(device, hardware.Services, hardware.Store, IntervalMinutes * 60000);
            if (UseDeepSleep) sketch.RunDeepSleepCycle();
            else sketch.Run(-1);
        }
    }
}
