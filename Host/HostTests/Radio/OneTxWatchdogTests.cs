using System;
using System.Reflection;
using Drivers.Sx127x;
using LoRaWan.Platform;
using LoRaWan.Radio;
using nanoFramework.TestFramework;

namespace LoRaWan.HostTests.Radio
{
    /// <summary>
    /// Issue 14: one TX watchdog, the MAC's alarm; the driver owns the recovery (IRadio.TxDeadlinePassed) but no
    /// timer. Its public shape says so: no constructor takes an alarm, it is no timer sink, and the polling entry
    /// point and its own margin are gone.
    /// </summary>
    [TestClass]
    public class OneTxWatchdogTests
    {
        [TestMethod]
        public void Sx1276_HasNoAlarmOfItsOwn()
        {
            foreach (ConstructorInfo c in typeof(Sx1276).GetConstructors())
                foreach (ParameterInfo p in c.GetParameters())
                    Assert.IsFalse(typeof(IScheduler).IsAssignableFrom(p.ParameterType), "constructor parameter " + p.Name + " is an alarm");
            Assert.IsFalse(typeof(ITimerSink).IsAssignableFrom(typeof(Sx1276)), "the driver receives no timer callbacks");
            Assert.IsNull(typeof(Sx1276).GetMethod("PollTxWatchdog"), "no polling watchdog");
            Assert.IsNull(typeof(Sx1276).GetProperty("TxTimeoutMarginUs"), "no margin of its own");
            Assert.IsNotNull(typeof(IRadio).GetMethod("TxDeadlinePassed"), "the MAC's deadline reaches the radio through IRadio");
        }
    }
}
