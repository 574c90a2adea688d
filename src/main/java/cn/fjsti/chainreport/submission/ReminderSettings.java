package cn.fjsti.chainreport.submission;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalTime;
import java.util.List;

/** When reminders go out: days before the deadline, at a time of day (Beijing). */
@ConfigMapping(prefix = "chainreport.reminders")
public interface ReminderSettings {

    @WithDefault("14,3,1")
    List<Integer> daysBefore();

    @WithDefault("09:00")
    LocalTime timeOfDay();
}
