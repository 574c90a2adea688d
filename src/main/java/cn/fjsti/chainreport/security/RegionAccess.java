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

    /**
     * The city-level unit whose packages, proposals and merges the caller asks about: a unit sees its own
     * (it may leave the code out), the institute and the admin any (they must name it), a county none.
     */
    public Region readableUnit(String unitCode) {
        if (user.is(Role.COUNTY)) {
            throw ApiException.forbidden("县（市、区）不能查看设区市的汇总材料");
        }
        String code = unitCode;
        if (code == null) {
            if (!user.is(Role.CITY)) {
                throw ApiException.badField("unit", "请指定设区市代码 unit");
            }
            code = user.regionCode();
        }
        String asked = code;
        Region unit = Region.byCode(asked).filter(Region::isReviewUnit)
                .orElseThrow(() -> ApiException.notFound("没有代码为 " + asked + " 的设区市（审核单位）"));
        if (!user.seesEverything() && !Objects.equals(user.regionCode(), unit.code)) {
            throw ApiException.forbidden("您只能查看本单位的数据");
        }
        return unit;
    }

    /** The caller's own unit, for what only the unit itself may do (send, merge, set its deadline). */
    public Region ownUnit(String unitCode) {
        if (!user.is(Role.CITY)) {
            throw ApiException.forbidden("只有设区市（审核单位）本身可以进行此操作");
        }
        return readableUnit(unitCode);
    }

    /** Only the region that wrote something may change it. */
    public void requireAuthor(String authorRegion) {
        if (!(user.is(Role.COUNTY) || user.is(Role.CITY)) || !Objects.equals(user.regionCode(), authorRegion)) {
            throw ApiException.forbidden("只有编写单位本身可以修改这份报告");
        }
    }
}
