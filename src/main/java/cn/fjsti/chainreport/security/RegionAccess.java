package cn.fjsti.chainreport.security;

import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.region.Region;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;

/**
 * Region scoping, enforced in the services for every read and write: a county sees its own data,
 * a city-level unit its own and its counties', the institute and the admin everything.
 * Another region's data is refused with 403: ids are not secret, the content is.
 */
@ApplicationScoped
public class RegionAccess {

    @Inject
    CurrentUser user;

    public boolean canRead(String regionCode) {
        if (user.seesEverything() || Objects.equals(user.regionCode(), regionCode)) {
            return true;
        }
        return user.is(Role.CITY) && Region.byCode(regionCode)
                .map(r -> Objects.equals(r.reviewUnit, user.regionCode()))
                .orElse(false);
    }

    public void requireRead(String regionCode) {
        if (!canRead(regionCode)) {
            throw ApiException.forbidden("您只能查看本地区（及所辖县区）的数据");
        }
    }

    /** Only the region that wrote something may change it. */
    public void requireAuthor(String authorRegion) {
        if (!(user.is(Role.COUNTY) || user.is(Role.CITY)) || !Objects.equals(user.regionCode(), authorRegion)) {
            throw ApiException.forbidden("只有编写单位本身可以修改这份报告");
        }
    }
}
